package org.offloadkit.packet;

import static org.offloadkit.packet.Bytes.u16;
import static org.offloadkit.packet.Bytes.u8;

/**
 * One pass over an Ethernet frame to its {@link FrameLayout}: 802.1Q and 802.1ad tags, IPv4 with and
 * without options, IPv6 with and without extension headers, TCP with and without options, UDP. Every
 * length field is checked against the bytes that are really there; a frame that lies gets a
 * {@link Malformed} result, never an exception.
 */
public final class FrameParser {
    private static final int ETHERNET_HEADER = 14;
    private static final int MAX_LAYER2_LENGTH = 127; // Layer2HeaderLength:7
    private static final int MAX_LAYER3_LENGTH = 511; // Layer3HeaderLength:9

    private FrameParser() {}

    public static ParseResult parse(byte[] frame) {
        return parse(frame, frame.length);
    }

    /**
     * Parses the first {@code length} bytes of {@code frame}. A frame may lie in any way and still gets a
     * result; a {@code length} outside the array is the caller's mistake and throws.
     */
    public static ParseResult parse(byte[] frame, int length) {
        return parse(frame, length, false);
    }

    /**
     * Parses a large send's template (spec 2.2). The stack leaves the datagram's length to the buffer:
     * LSOv2 sets the IPv4 Total Length to 0, and USO (and LSOv2 over IPv6) may leave the IPv6 Payload Length
     * and the UDP Length as they please. So those three fields are not read here and the datagram runs to
     * the end of the frame; every other length (IHL, extension headers, TCP Data Offset) is checked as
     * {@link #parse(byte[])} checks it. An LSOv1 template carries its full length and parses strictly.
     */
    public static ParseResult parseLargeSend(byte[] frame) {
        return parse(frame, frame.length, true);
    }

    private static ParseResult parse(byte[] frame, int length, boolean lengthFromFrame) {
        if (length < 0 || length > frame.length) {
            throw new IndexOutOfBoundsException("length " + length + " of a " + frame.length + "-byte array");
        }
        if (length < ETHERNET_HEADER) {
            return new Malformed(Malformation.TRUNCATED_ETHERNET_HEADER, 0, length + " bytes");
        }
        int etherType = u16(frame, 12);
        int offset = ETHERNET_HEADER;
        int tags = 0;
        while (isVlanTag(etherType)) {
            if (offset + 4 > length) {
                return new Malformed(Malformation.TRUNCATED_VLAN_TAG, offset, "tag " + (tags + 1));
            }
            etherType = u16(frame, offset + 2);
            offset += 4;
            tags++;
        }
        if (offset > MAX_LAYER2_LENGTH) {
            return new Malformed(Malformation.EXCEEDS_PACKET_LAYOUT, 0, tags + " VLAN tags, layer 2 " + offset + " bytes");
        }
        return switch (etherType) {
            case 0x0800 -> ipv4(frame, length, offset, tags, lengthFromFrame);
            case 0x86DD -> ipv6(frame, length, offset, tags, lengthFromFrame);
            default -> new FrameLayout(Layer2Type.ETHERNET, offset, Layer3Type.UNSPECIFIED, 0,
                    Layer4Type.UNSPECIFIED, 0, tags, -1, length, -1);
        };
    }

    private static boolean isVlanTag(int etherType) {
        return etherType == 0x8100 || etherType == 0x88A8 || etherType == 0x9100;
    }

    private static ParseResult ipv4(byte[] f, int length, int o, int tags, boolean lengthFromFrame) {
        if (length - o < 20) {
            return new Malformed(Malformation.TRUNCATED_IPV4_HEADER, o, (length - o) + " bytes left");
        }
        int version = u8(f, o) >>> 4;
        if (version != 4) {
            return new Malformed(Malformation.IP_VERSION_MISMATCH, o, "version " + version + " under EtherType 0x0800");
        }
        int ihl = u8(f, o) & 0xF;
        if (ihl < 5) {
            return new Malformed(Malformation.IPV4_IHL_BELOW_5, o, "IHL " + ihl);
        }
        int headerLength = ihl * 4;
        if (o + headerLength > length) {
            return new Malformed(Malformation.TRUNCATED_IPV4_HEADER, o, "IHL " + ihl + ", " + (length - o) + " bytes left");
        }
        int totalLength = lengthFromFrame ? length - o : u16(f, o + 2);
        if (totalLength < headerLength) {
            return new Malformed(Malformation.IPV4_TOTAL_LENGTH_BELOW_HEADER, o + 2,
                    "Total Length " + totalLength + ", header " + headerLength);
        }
        if (o + totalLength > length) {
            return new Malformed(Malformation.IPV4_TOTAL_LENGTH_BEYOND_FRAME, o + 2,
                    "Total Length " + totalLength + ", " + (length - o) + " bytes left");
        }
        Layer3Type type = ihl == 5 ? Layer3Type.IPV4_NO_OPTIONS : Layer3Type.IPV4_WITH_OPTIONS;
        boolean moreFragments = (u8(f, o + 6) & 0x20) != 0;
        int fragmentOffset = u16(f, o + 6) & 0x1FFF;
        int protocol = u8(f, o + 9);
        return transport(f, o, tags, type, headerLength, protocol, moreFragments || fragmentOffset != 0,
                o + totalLength, sourceRouteFinalDestination(f, o, headerLength), lengthFromFrame);
    }

    /**
     * RFC 9293 3.1: a source-routed datagram's pseudo-header carries the final destination, the last
     * address of a loose or strict source route the datagram has not finished. Options that do not parse
     * leave the header's own destination.
     */
    private static int sourceRouteFinalDestination(byte[] f, int o, int headerLength) {
        int end = o + headerLength;
        int p = o + 20;
        while (p < end) {
            int type = u8(f, p);
            if (type == 0) {
                break;
            }
            if (type == 1) {
                p++;
                continue;
            }
            if (p + 2 > end || u8(f, p + 1) < 2 || p + u8(f, p + 1) > end) {
                break;
            }
            int length = u8(f, p + 1);
            boolean sourceRoute = type == 0x83 || type == 0x89;
            if (sourceRoute && length >= 7 && u8(f, p + 2) <= length) {
                return p + 3 + (length - 3) / 4 * 4 - 4;
            }
            p += length;
        }
        return o + 16;
    }

    private static ParseResult ipv6(byte[] f, int length, int o, int tags, boolean lengthFromFrame) {
        if (length - o < 40) {
            return new Malformed(Malformation.TRUNCATED_IPV6_HEADER, o, (length - o) + " bytes left");
        }
        int version = u8(f, o) >>> 4;
        if (version != 6) {
            return new Malformed(Malformation.IP_VERSION_MISMATCH, o, "version " + version + " under EtherType 0x86DD");
        }
        int payloadLength = lengthFromFrame ? length - o - 40 : u16(f, o + 4);
        int end = o + 40 + payloadLength;
        if (end > length) {
            return new Malformed(Malformation.IPV6_PAYLOAD_LENGTH_BEYOND_FRAME, o + 4,
                    "Payload Length " + payloadLength + ", " + (length - o - 40) + " bytes left");
        }
        int next = u8(f, o + 6);
        int p = o + 40;
        int destination = o + 24;
        boolean fragment = false;
        while (isExtensionHeader(next)) {
            if (p + 8 > end) {
                return new Malformed(Malformation.IPV6_EXTENSION_CHAIN_OVERRUN, p,
                        "header " + next + " needs 8 bytes, " + (end - p) + " left");
            }
            int headerLength = switch (next) {
                case 44 -> 8;                          // fragment: fixed size
                case 51 -> (u8(f, p + 1) + 2) * 4;     // authentication header counts 4-byte words
                default -> (u8(f, p + 1) + 1) * 8;
            };
            if (p + headerLength > end) {
                return new Malformed(Malformation.IPV6_EXTENSION_CHAIN_OVERRUN, p,
                        "header " + next + " of " + headerLength + " bytes, " + (end - p) + " left");
            }
            if (next == 43) {
                destination = routingFinalDestination(f, p, headerLength, destination);
            } else if (next == 44) {
                fragment = (u16(f, p + 2) >>> 3) != 0 || (u8(f, p + 3) & 1) != 0;
            }
            next = u8(f, p);
            p += headerLength;
        }
        int layer3Length = p - o;
        if (layer3Length > MAX_LAYER3_LENGTH) {
            return new Malformed(Malformation.EXCEEDS_PACKET_LAYOUT, o, "layer 3 " + layer3Length + " bytes");
        }
        Layer3Type type = layer3Length == 40 ? Layer3Type.IPV6_NO_EXTENSIONS : Layer3Type.IPV6_WITH_EXTENSIONS;
        return transport(f, o, tags, type, layer3Length, next, fragment, end, destination, lengthFromFrame);
    }

    private static boolean isExtensionHeader(int next) {
        return switch (next) {
            case 0, 43, 44, 51, 60, 135, 139, 140 -> true;
            default -> false;
        };
    }

    /**
     * RFC 8200 8.1: with segments left, the pseudo-header carries the final destination. Type 0 and 2
     * list it last; a segment routing header (type 4) lists it first.
     */
    private static int routingFinalDestination(byte[] f, int p, int headerLength, int destination) {
        int routingType = u8(f, p + 2);
        int segmentsLeft = u8(f, p + 3);
        int addresses = (headerLength - 8) / 16;
        if (segmentsLeft == 0 || addresses == 0) {
            return destination;
        }
        return switch (routingType) {
            case 0, 2 -> p + 8 + 16 * (addresses - 1);
            case 4 -> p + 8;
            default -> destination;
        };
    }

    private static ParseResult transport(byte[] f, int o, int tags, Layer3Type type, int layer3Length,
                                         int protocol, boolean fragment, int end, int destination, boolean lengthFromFrame) {
        int p = o + layer3Length;
        int available = end - p;
        if (fragment) {
            return new FrameLayout(Layer2Type.ETHERNET, o, type, layer3Length, Layer4Type.IP_FRAGMENT, 0,
                    tags, protocol, end, destination);
        }
        switch (protocol) {
            case FrameLayout.PROTOCOL_TCP: {
                if (available < 20) {
                    return new Malformed(Malformation.TRUNCATED_TCP_HEADER, p, available + " bytes left");
                }
                int dataOffset = u8(f, p + 12) >>> 4;
                if (dataOffset < 5) {
                    return new Malformed(Malformation.TCP_DATA_OFFSET_BELOW_5, p + 12, "Data Offset " + dataOffset);
                }
                if (dataOffset * 4 > available) {
                    return new Malformed(Malformation.TCP_DATA_OFFSET_BEYOND_SEGMENT, p + 12,
                            "Data Offset " + dataOffset + ", " + available + " bytes left");
                }
                return new FrameLayout(Layer2Type.ETHERNET, o, type, layer3Length, Layer4Type.TCP, dataOffset * 4,
                        tags, protocol, end, destination);
            }
            case FrameLayout.PROTOCOL_UDP: {
                if (available < 8) {
                    return new Malformed(Malformation.TRUNCATED_UDP_HEADER, p, available + " bytes left");
                }
                int udpLength = u16(f, p + 4);
                if (udpLength != available && !lengthFromFrame) {
                    return new Malformed(Malformation.UDP_LENGTH_MISMATCH, p + 4,
                            "UDP Length " + udpLength + ", IP says " + available);
                }
                return new FrameLayout(Layer2Type.ETHERNET, o, type, layer3Length, Layer4Type.UDP, 8,
                        tags, protocol, end, destination);
            }
            default:
                return new FrameLayout(Layer2Type.ETHERNET, o, type, layer3Length, Layer4Type.IP_NOT_FRAGMENT, 0,
                        tags, protocol, end, destination);
        }
    }
}
