package org.offloadkit.linux;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.LastErrorException;

/**
 * A network device by name in a namespace, configured through {@code ip} and {@code ethtool} run inside
 * that namespace.
 */
public record NetDevice(String name, Namespace namespace) {
    /** A line of {@code ethtool -k}: "tx-tcp-segmentation: off [fixed]". */
    private static final Pattern FEATURE = Pattern.compile("^\\s*([\\w-]+): (on|off)\\b(.*)$", Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The interface index packet sockets bind to; it counts within the device's namespace. */
    public int ifindex() {
        return namespace.call(() -> {
            try {
                return Libc.C.if_nametoindex(name);
            } catch (LastErrorException e) {
                throw new IllegalStateException("no device " + this + ": " + e.getMessage(), e);
            }
        });
    }

    public byte[] mac() {
        return HexFormat.ofDelimiter(":").parseHex(link().path("address").asText());
    }

    public int mtu() {
        return link().path("mtu").asInt();
    }

    /** Up with its carrier: a veth end is only once its peer is up too. */
    public boolean isUp() {
        return "UP".equals(link().path("operstate").asText());
    }

    public void up() {
        ip("link", "set", "dev", name, "up");
    }

    public void setMtu(int mtu) {
        ip("link", "set", "dev", name, "mtu", Integer.toString(mtu));
    }

    /** Every feature {@code ethtool -k} lists, by the name it prints, with whether it is on. */
    public Map<String, Boolean> features() {
        Map<String, Boolean> features = new LinkedHashMap<>();
        featureStates().forEach((feature, state) -> features.put(feature, state.on()));
        return features;
    }

    /** A feature as {@code ethtool -k} shows it: on or off, and whether the device lets it change. */
    public record Feature(boolean on, boolean fixed) {
        /** The device can do it: it is on, or it could be switched on. */
        public boolean supported() {
            return on || !fixed;
        }
    }

    /** Every feature {@code ethtool -k} lists, with whether it is on and whether it is fixed. */
    public Map<String, Feature> featureStates() {
        Map<String, Feature> features = new LinkedHashMap<>();
        Matcher m = FEATURE.matcher(namespace.exec(LinuxHost.command("ethtool", "-k", name), ""));
        while (m.find()) {
            features.put(m.group(1), new Feature(m.group(2).equals("on"), m.group(3).contains("[fixed]")));
        }
        return features;
    }

    /** The largest GSO unit the device takes (gso_max_size), in bytes. */
    public long gsoMaxSize() {
        return link().path("gso_max_size").asLong();
    }

    /** The largest GSO unit the device takes, in segments (gso_max_segs). */
    public long gsoMaxSegments() {
        return link().path("gso_max_segs").asLong();
    }

    /**
     * Switches features with {@code ethtool -K}, by the names {@code ethtool -k} prints, and reads them
     * back: a feature the device would not switch fails here, not in a later test.
     */
    public void setFeatures(Map<String, Boolean> wanted) {
        requestFeatures(wanted);
        Map<String, Boolean> actual = features();
        wanted.forEach((feature, on) -> {
            if (!on.equals(actual.get(feature))) {
                throw new IllegalStateException(this + ": " + feature + " is " + onOff(actual.get(feature))
                        + " after ethtool -K asked for " + onOff(on));
            }
        });
    }

    /** Asks for features with {@code ethtool -K}, by the names {@code ethtool -k} prints, without reading them back. */
    public void requestFeatures(Map<String, Boolean> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        List<String> arguments = new ArrayList<>(List.of("-K", name));
        wanted.forEach((feature, on) -> arguments.addAll(List.of(feature, on ? "on" : "off")));
        namespace.exec(LinuxHost.command("ethtool", arguments.toArray(String[]::new)), "");
    }

    /** A file of /sys/class/net/NAME, such as gro_flush_timeout. */
    public String sysfs(String attribute) {
        return namespace.exec("cat", sysfsPath(attribute)).strip();
    }

    public void setSysfs(String attribute, String value) {
        namespace.exec(List.of("tee", sysfsPath(attribute)), value);
    }

    @Override
    public String toString() {
        return name + " in " + namespace;
    }

    private String sysfsPath(String attribute) {
        return "/sys/class/net/" + name + "/" + attribute;
    }

    private JsonNode link() {
        String json = ip("-d", "-j", "link", "show", "dev", name);
        try {
            return JSON.readTree(json).path(0);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ip -j link printed what is not JSON: " + json, e);
        }
    }

    private String ip(String... arguments) {
        return namespace.exec(LinuxHost.command("ip", arguments), "");
    }

    private static String onOff(Boolean on) {
        return on == null ? "not listed" : on ? "on" : "off";
    }
}
