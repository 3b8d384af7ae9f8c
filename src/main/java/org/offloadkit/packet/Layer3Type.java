package org.offloadkit.packet;

/** NET_PACKET_LAYOUT.Layer3Type. The "unspecified" variants are a stack that knows the IP version only. */
public enum Layer3Type {
    UNSPECIFIED(0),
    IPV4_UNSPECIFIED_OPTIONS(1),
    IPV4_WITH_OPTIONS(2),
    IPV4_NO_OPTIONS(3),
    IPV6_UNSPECIFIED_EXTENSIONS(4),
    IPV6_WITH_EXTENSIONS(5),
    IPV6_NO_EXTENSIONS(6);

    public final int ndisValue;

    Layer3Type(int ndisValue) {
        this.ndisValue = ndisValue;
    }

    public boolean isIPv4() {
        return this == IPV4_UNSPECIFIED_OPTIONS || this == IPV4_WITH_OPTIONS || this == IPV4_NO_OPTIONS;
    }

    public boolean isIPv6() {
        return this == IPV6_UNSPECIFIED_EXTENSIONS || this == IPV6_WITH_EXTENSIONS || this == IPV6_NO_EXTENSIONS;
    }

    /** True when the type names the IP version but not whether options or extension headers are present. */
    public boolean isUnspecifiedVariant() {
        return this == IPV4_UNSPECIFIED_OPTIONS || this == IPV6_UNSPECIFIED_EXTENSIONS;
    }

    /** The same IP version with the options/extensions question left open. */
    public Layer3Type unspecifiedVariant() {
        if (isIPv4()) {
            return IPV4_UNSPECIFIED_OPTIONS;
        }
        if (isIPv6()) {
            return IPV6_UNSPECIFIED_EXTENSIONS;
        }
        return UNSPECIFIED;
    }
}
