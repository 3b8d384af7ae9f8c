package org.offloadkit.packet;

/** Why a frame has no layout. */
public enum Malformation {
    TRUNCATED_ETHERNET_HEADER("frame shorter than an Ethernet header"),
    TRUNCATED_VLAN_TAG("802.1Q/802.1ad tag runs off the end of the frame"),
    TRUNCATED_IPV4_HEADER("IPv4 header (with its options) runs off the end of the frame"),
    IPV4_IHL_BELOW_5("IPv4 IHL below 5"),
    IPV4_TOTAL_LENGTH_BELOW_HEADER("IPv4 Total Length smaller than the header"),
    IPV4_TOTAL_LENGTH_BEYOND_FRAME("IPv4 Total Length larger than the frame"),
    TRUNCATED_IPV6_HEADER("IPv6 header runs off the end of the frame"),
    IPV6_PAYLOAD_LENGTH_BEYOND_FRAME("IPv6 Payload Length larger than the frame"),
    IPV6_EXTENSION_CHAIN_OVERRUN("IPv6 extension header chain runs off the end of the datagram"),
    IP_VERSION_MISMATCH("IP version field disagrees with the EtherType"),
    TRUNCATED_TCP_HEADER("TCP header runs off the end of the datagram"),
    TCP_DATA_OFFSET_BELOW_5("TCP Data Offset below 5"),
    TCP_DATA_OFFSET_BEYOND_SEGMENT("TCP Data Offset larger than the segment"),
    TRUNCATED_UDP_HEADER("UDP header runs off the end of the datagram"),
    UDP_LENGTH_MISMATCH("UDP Length disagrees with the IP length"),
    EXCEEDS_PACKET_LAYOUT("header longer than NET_PACKET_LAYOUT can describe");

    public final String description;

    Malformation(String description) {
        this.description = description;
    }
}
