package org.offloadkit.packet;

/**
 * The NET_PACKET_LAYOUT of a frame (types and header lengths per layer), plus the few facts a checksum
 * needs that the NDIS structure leaves to the reader.
 *
 * @param layer2Type         link layer
 * @param layer2Length       bytes of link header, VLAN tags included; the layer 3 offset
 * @param layer3Type         IP version and whether options or extension headers are present
 * @param layer3Length       IP header bytes, options and extension headers included
 * @param layer4Type         TCP, UDP, a fragment, or another protocol
 * @param layer4Length       TCP header with its options, or the 8-byte UDP header; 0 otherwise
 * @param vlanTags           number of 802.1Q / 802.1ad tags
 * @param ipProtocol         the upper-layer protocol (after IPv6 extension headers); -1 when not IP
 * @param ipEnd              offset just past the IP datagram, so Ethernet padding is excluded; the frame
 *                           length when not IP
 * @param pseudoDestination  offset of the address an upper-layer pseudo-header uses as destination (the
 *                           final one of an IPv6 routing header with segments left); -1 when not IP
 */
public record FrameLayout(
        Layer2Type layer2Type, int layer2Length,
        Layer3Type layer3Type, int layer3Length,
        Layer4Type layer4Type, int layer4Length,
        int vlanTags, int ipProtocol, int ipEnd, int pseudoDestination) implements ParseResult {

    public static final int PROTOCOL_TCP = 6;
    public static final int PROTOCOL_UDP = 17;

    /** The layout of a frame nobody could lay out: every type unspecified. */
    public static FrameLayout unknown(int frameLength) {
        return new FrameLayout(Layer2Type.UNSPECIFIED, 0, Layer3Type.UNSPECIFIED, 0, Layer4Type.UNSPECIFIED, 0,
                0, -1, frameLength, -1);
    }

    public int layer3Offset() {
        return layer2Length;
    }

    public int layer4Offset() {
        return layer2Length + layer3Length;
    }

    /** First byte after the layer 4 header. */
    public int payloadOffset() {
        return layer4Offset() + layer4Length;
    }

    public int payloadLength() {
        return ipEnd - payloadOffset();
    }

    /** Bytes covered by a TCP or UDP checksum: header and payload. */
    public int transportLength() {
        return ipEnd - layer4Offset();
    }

    public boolean isIPv4() {
        return layer3Type.isIPv4();
    }

    public boolean isIPv6() {
        return layer3Type.isIPv6();
    }

    public boolean isTcp() {
        return layer4Type == Layer4Type.TCP;
    }

    public boolean isUdp() {
        return layer4Type == Layer4Type.UDP;
    }

    /** Offset of the layer 4 checksum field, or -1 for anything but TCP and UDP. */
    public int transportChecksumOffset() {
        return switch (layer4Type) {
            case TCP -> layer4Offset() + 16;
            case UDP -> layer4Offset() + 6;
            default -> -1;
        };
    }

    /** Offset of the IPv4 header checksum field, or -1 when not IPv4. */
    public int ipv4ChecksumOffset() {
        return isIPv4() ? layer3Offset() + 10 : -1;
    }

    /** This layout as a stack that knows only the IP version would describe it. */
    public FrameLayout withLayer3Type(Layer3Type type) {
        return new FrameLayout(layer2Type, layer2Length, type, layer3Length, layer4Type, layer4Length,
                vlanTags, ipProtocol, ipEnd, pseudoDestination);
    }

    /** The same headers over a datagram that ends at {@code ipEnd}: a coalesced unit's, a segment's. */
    public FrameLayout withIpEnd(int ipEnd) {
        return new FrameLayout(layer2Type, layer2Length, layer3Type, layer3Length, layer4Type, layer4Length,
                vlanTags, ipProtocol, ipEnd, pseudoDestination);
    }

    /** The NET_PACKET_LAYOUT fields as NDIS names them. */
    public String describe() {
        return "L2 " + layer2Type + "/" + layer2Length + ", L3 " + layer3Type + "/" + layer3Length
                + ", L4 " + layer4Type + "/" + layer4Length;
    }
}
