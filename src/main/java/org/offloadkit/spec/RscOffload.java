package org.offloadkit.spec;

import java.util.Set;

/** The active coalescing set a driver is called back with. */
public record RscOffload(Set<Layer3Flag> layer3Flags, Set<Layer4Flag> layer4Flags, boolean tcpTimestampOption) {

    public static final RscOffload NONE = new RscOffload(Set.of(), Set.of(), false);

    public RscOffload {
        layer3Flags = Set.copyOf(layer3Flags);
        layer4Flags = Set.copyOf(layer4Flags);
    }

    /** NetOffloadIsTcpRscIPv4Enabled. */
    public boolean isTcpRscIPv4Enabled() {
        return layer3Flags.contains(Layer3Flag.IPV4_NO_OPTIONS) && layer4Flags.contains(Layer4Flag.TCP_NO_OPTIONS);
    }

    /** NetOffloadIsTcpRscIPv6Enabled. */
    public boolean isTcpRscIPv6Enabled() {
        return layer3Flags.contains(Layer3Flag.IPV6_NO_EXTENSIONS) && layer4Flags.contains(Layer4Flag.TCP_NO_OPTIONS);
    }

    /** NetOffloadIsRscTcpTimestampOptionEnabled. */
    public boolean isTcpTimestampOptionEnabled() {
        return tcpTimestampOption;
    }

    @Override
    public String toString() {
        return "L3 " + TxChecksumShapes.sorted(layer3Flags) + " L4 " + TxChecksumShapes.sorted(layer4Flags)
                + (tcpTimestampOption ? " with TCP timestamps" : "");
    }
}
