package org.offloadkit.spec;

/** What NDIS switches coalescing on and off for, with its standardized keyword. */
public enum RscTarget {
    IPV4("*RscIPv4"),
    IPV6("*RscIPv6"),
    /** Read by NetAdapterCx 2100 but undocumented [GAP]: its default is taken to be on. */
    TCP_TIMESTAMP("*RscTimestamp");

    public final String keyword;

    RscTarget(String keyword) {
        this.keyword = keyword;
    }
}
