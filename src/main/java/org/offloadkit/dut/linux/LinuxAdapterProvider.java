package org.offloadkit.dut.linux;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.dut.DutProvider;
import org.offloadkit.dut.UnknownDutException;
import org.offloadkit.linux.LinuxHost;

/**
 * {@code --dut linux:veth}: a veth pair the kit makes in a namespace of its own and removes again;
 * {@code --dut linux:IFACE,peer=IFACE2}: two ports of this host cabled back to back, IFACE under test.
 */
public final class LinuxAdapterProvider implements DutProvider {
    private static final Pattern CABLED = Pattern.compile("([\\w.:-]+),peer=([\\w.:-]+)");
    private static final String USAGE = "linux:veth, or linux:IFACE,peer=IFACE2 for two ports cabled back to back";

    @Override
    public String name() {
        return "linux";
    }

    @Override
    public String description() {
        return "a Linux network device and the kernel's offloads: " + USAGE + " (needs root)";
    }

    @Override
    public DeviceUnderTest create(String options) {
        Matcher cabled = CABLED.matcher(options);
        if (!options.equals("veth") && !cabled.matches()) {
            throw new UnknownDutException("the linux adapter takes " + USAGE + ", not 'linux:" + options + "'");
        }
        LinuxHost.problem().ifPresent(problem -> {
            throw new UnknownDutException("linux:" + options + ": " + problem);
        });
        Ports ports;
        try {
            ports = options.equals("veth") ? Ports.veth() : Ports.cabled(cabled.group(1), cabled.group(2));
        } catch (RuntimeException e) {
            throw new UnknownDutException("linux:" + options + ": cannot set up the ports: " + e.getMessage());
        }
        return new LinuxAdapter(ports);
    }

    /** Room for a GRO flush (about 40 ms) and a feature change (ethtool) on a busy machine. */
    @Override
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }
}
