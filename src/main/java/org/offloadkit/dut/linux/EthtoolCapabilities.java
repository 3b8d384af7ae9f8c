package org.offloadkit.dut.linux;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.offloadkit.linux.NetDevice.Feature;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.OffloadCallback;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumOffload;

/**
 * A Linux device's ethtool features read as NetAdapterCx hardware capabilities, and NetAdapterCx active
 * sets written back as ethtool features. docs/linux-adapter.md has the table and the reasons.
 *
 * <p>A feature counts as hardware capability when the device has it on or lets it be switched on (not
 * "off [fixed]"). The active sets come back as features to switch; a feature the device does not have
 * is never asked for.
 */
public final class EthtoolCapabilities {
    /** NETIF_F_IP_CSUM: TCP and UDP checksums over IPv4 (not the IPv4 header checksum, which Linux never offloads). */
    public static final String TX_CHECKSUM_IPV4 = "tx-checksum-ipv4";
    /** NETIF_F_IPV6_CSUM: TCP and UDP checksums over IPv6 without extension headers. */
    public static final String TX_CHECKSUM_IPV6 = "tx-checksum-ipv6";
    /** NETIF_F_HW_CSUM: any checksum at any offset (csum_start, csum_offset), IPv6 extension headers included. */
    public static final String TX_CHECKSUM_GENERIC = "tx-checksum-ip-generic";
    public static final String RX_CHECKSUM = "rx-checksumming";
    public static final String TSO_IPV4 = "tx-tcp-segmentation";
    public static final String TSO_IPV6 = "tx-tcp6-segmentation";
    public static final String USO = "tx-udp-segmentation";
    public static final String GRO_HW = "rx-gro-hw";
    public static final String LRO = "large-receive-offload";
    /** Software GRO: on a veth it is all the coalescing there is, and on any device it runs above LRO and GRO-HW. */
    public static final String GRO = "generic-receive-offload";

    /** A packet socket refuses a GSO unit of one segment (payload up to gso_size). */
    public static final long MINIMUM_SEGMENT_COUNT = 2;
    /** The UDP Length field, which the kernel's UDP segmentation reads to adjust every datagram's checksum. */
    private static final long UDP_LENGTH_LIMIT = 0xFFFF;
    private static final int UDP_HEADER = 8;

    private final Map<String, Feature> features;
    private final long gsoMaxSize;

    /**
     * @param features   the device's {@code ethtool -k}
     * @param gsoMaxSize its gso_max_size: the largest GSO unit it takes
     */
    public EthtoolCapabilities(Map<String, Feature> features, long gsoMaxSize) {
        this.features = Map.copyOf(features);
        this.gsoMaxSize = gsoMaxSize;
    }

    private boolean has(String feature) {
        Feature f = features.get(feature);
        return f != null && f.supported();
    }

    private boolean txChecksumIpv4() {
        return has(TX_CHECKSUM_IPV4) || has(TX_CHECKSUM_GENERIC);
    }

    private boolean txChecksumIpv6() {
        return has(TX_CHECKSUM_IPV6) || has(TX_CHECKSUM_GENERIC);
    }

    /**
     * TCP and UDP checksums (Linux does not tell them apart) over the IP versions the device covers; IPv6
     * extension headers only with the generic checksum, which needs no parsing. No offset limits: the
     * virtio-net header's csum_start reaches any header.
     */
    public Optional<TxChecksumCapabilities> txChecksum(OffloadCallback<TxChecksumOffload> callback) {
        Set<Layer3Flag> layer3 = EnumSet.noneOf(Layer3Flag.class);
        if (txChecksumIpv4()) {
            layer3.addAll(List.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV4_WITH_OPTIONS));
        }
        if (txChecksumIpv6()) {
            layer3.add(Layer3Flag.IPV6_NO_EXTENSIONS);
        }
        if (has(TX_CHECKSUM_GENERIC)) {
            layer3.add(Layer3Flag.IPV6_WITH_EXTENSIONS);
        }
        return layer3.isEmpty() ? Optional.empty()
                : Optional.of(TxChecksumCapabilities.of(layer3, Layer4Flag.ALL, 0, 0, callback));
    }

    public Optional<RxChecksumCapabilities> rxChecksum(OffloadCallback<RxChecksumOffload> callback) {
        return has(RX_CHECKSUM) ? Optional.of(RxChecksumCapabilities.of(callback)) : Optional.empty();
    }

    /**
     * TSO for IPv4 and IPv6 and USO, with options and extension headers (the kernel's GSO parses them);
     * NetAdapterCx has one set of layer 3 flags for LSO and USO, so it is the union of what they cover.
     * MaximumOffloadSize is gso_max_size, but at most what a UDP Length can hold less the UDP header (a
     * Linux GSO unit carries its whole length in its headers); a short last USO datagram is fine for Linux.
     */
    public Optional<GsoCapabilities> gso(OffloadCallback<GsoOffload> callback) {
        Set<Layer3Flag> layer3 = EnumSet.noneOf(Layer3Flag.class);
        Set<Layer4Flag> layer4 = EnumSet.noneOf(Layer4Flag.class);
        if (has(TSO_IPV4) || has(USO)) {
            layer3.addAll(List.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV4_WITH_OPTIONS));
        }
        if (has(TSO_IPV6) || has(USO)) {
            layer3.addAll(List.of(Layer3Flag.IPV6_NO_EXTENSIONS, Layer3Flag.IPV6_WITH_EXTENSIONS));
        }
        if (has(TSO_IPV4) || has(TSO_IPV6)) {
            layer4.addAll(List.of(Layer4Flag.TCP_NO_OPTIONS, Layer4Flag.TCP_WITH_OPTIONS));
        }
        if (has(USO)) {
            layer4.add(Layer4Flag.UDP);
        }
        return layer4.isEmpty() ? Optional.empty() : Optional.of(GsoCapabilities.of(layer3, layer4, maximumOffloadSize(),
                MINIMUM_SEGMENT_COUNT, 0, callback).withSubMssFinalSegmentSupported());
    }

    /**
     * Hardware GRO, LRO or GRO: TCP over IPv4 and IPv6, timestamps included (GRO merges segments whose
     * options are identical, so a new TSval ends a unit).
     */
    public Optional<RscCapabilities> rsc(OffloadCallback<RscOffload> callback) {
        if (!has(GRO_HW) && !has(LRO) && !has(GRO)) {
            return Optional.empty();
        }
        return Optional.of(RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS),
                Set.of(Layer4Flag.TCP_NO_OPTIONS), true, callback));
    }

    /** MaximumOffloadSize: the largest GSO unit the device takes. */
    public long maximumOffloadSize() {
        return Math.min(gsoMaxSize, UDP_LENGTH_LIMIT) - UDP_HEADER;
    }

    /** The feature that checksums a TCP or UDP frame of this IP version on this device. */
    public String txChecksumFeature(FrameLayout layout) {
        String specific = layout.isIPv4() ? TX_CHECKSUM_IPV4 : TX_CHECKSUM_IPV6;
        return has(specific) ? specific : TX_CHECKSUM_GENERIC;
    }

    /**
     * The checksum features for the active sets: on where any TCP or UDP shape of that IP version is
     * active, and also where segmentation is, because Linux takes TSO and USO away from a device without
     * checksum offload (netdev_fix_features). The framework still asks for checksums only where the
     * checksum set is active.
     */
    public Map<String, Boolean> features(TxChecksumOffload active, GsoOffload gso) {
        boolean ipv4 = active.tcp().has(Layer3Flag.IPV4_NO_OPTIONS) || active.udp().has(Layer3Flag.IPV4_NO_OPTIONS)
                || gso.isLsoIPv4Enabled() || gso.isUsoIPv4Enabled();
        boolean ipv6 = active.tcp().has(Layer3Flag.IPV6_NO_EXTENSIONS) || active.udp().has(Layer3Flag.IPV6_NO_EXTENSIONS)
                || gso.isLsoIPv6Enabled() || gso.isUsoIPv6Enabled();
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        put(wanted, TX_CHECKSUM_IPV4, ipv4);
        put(wanted, TX_CHECKSUM_IPV6, ipv6);
        put(wanted, TX_CHECKSUM_GENERIC, ipv4 || ipv6);
        return wanted;
    }

    public Map<String, Boolean> features(RxChecksumOffload active) {
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        put(wanted, RX_CHECKSUM, active.ipv4() || active.tcp() || active.udp());
        return wanted;
    }

    public Map<String, Boolean> features(GsoOffload active) {
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        put(wanted, TSO_IPV4, active.isLsoIPv4Enabled());
        put(wanted, TSO_IPV6, active.isLsoIPv6Enabled());
        put(wanted, USO, active.isUsoIPv4Enabled() || active.isUsoIPv6Enabled());
        return wanted;
    }

    /** Coalescing on while either IP version is active: Linux switches it per device, not per IP version. */
    public Map<String, Boolean> features(RscOffload active) {
        boolean on = active.isTcpRscIPv4Enabled() || active.isTcpRscIPv6Enabled();
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        put(wanted, GRO_HW, on);
        put(wanted, LRO, on);
        put(wanted, GRO, on);
        return wanted;
    }

    /** Only features the device can change; one fixed in the state asked for needs no asking. */
    private void put(Map<String, Boolean> wanted, String feature, boolean on) {
        Feature f = features.get(feature);
        if (f != null && !f.fixed()) {
            wanted.put(feature, on);
        }
    }
}
