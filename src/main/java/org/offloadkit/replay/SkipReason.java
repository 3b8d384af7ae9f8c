package org.offloadkit.replay;

/** Why a captured packet gives no vector for an offload; each is counted and stated in the report. */
public enum SkipReason {
    LINK_TYPE("its link type is not one the kit replays (Ethernet, Linux cooked SLL and SLL2, raw IP, BSD loopback)"),
    LINK_HEADER_CUT("shorter than its link-layer header"),
    SNAPLEN_CUT("cut by the snap length: its checksums and lengths cover bytes the capture does not hold"),
    NOT_IP("not IPv4 or IPv6 (ARP, LLDP, ...)"),
    MALFORMED("its headers do not parse (a length field disagrees with the bytes)"),
    NOT_TCP_OR_UDP("neither TCP nor UDP (ICMP, ...): no transport checksum or segmentation applies"),
    IP_FRAGMENT("an IP fragment: its transport header is not all there"),
    NOT_TCP("not TCP: coalescing is for TCP segments"),
    NOT_UDP("not UDP"),
    PARTIAL_CHECKSUM("captured before the sender's checksum offload: the TCP/UDP checksum field holds only the"
            + " pseudo-header sum (CHECKSUM_PARTIAL), so its received checksum says nothing about the wire"),
    NO_PAYLOAD("carries no payload: nothing to send as a large send"),
    OTHER_TCP_FLAGS("a TCP flag besides ACK and PSH (SYN, FIN, RST, URG, ECE, CWR): never part of a large send here"),
    LONE_SEGMENT("no in-order neighbour of its flow with the same headers and size to rebuild a large send with"),
    BEYOND_CORRUPTION("after the point where the capture is corrupt");

    public final String description;

    SkipReason(String description) {
        this.description = description;
    }
}
