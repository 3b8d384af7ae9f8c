package org.offloadkit.spec;

/**
 * The five things NDIS switches checksum offload on and off for, each with a transmit and a receive
 * direction: one standardized keyword each, and one NDIS_OFFLOAD_PARAMETERS field each.
 */
public enum ChecksumTarget {
    IPV4_HEADER("*IPChecksumOffloadIPv4", "IPv4Checksum"),
    TCP_IPV4("*TCPChecksumOffloadIPv4", "TCPIPv4Checksum"),
    TCP_IPV6("*TCPChecksumOffloadIPv6", "TCPIPv6Checksum"),
    UDP_IPV4("*UDPChecksumOffloadIPv4", "UDPIPv4Checksum"),
    UDP_IPV6("*UDPChecksumOffloadIPv6", "UDPIPv6Checksum");

    public final String keyword;
    public final String parameterField;

    ChecksumTarget(String keyword, String parameterField) {
        this.keyword = keyword;
        this.parameterField = parameterField;
    }
}
