package org.offloadkit.pcap;

import static org.offloadkit.packet.Bytes.u16;

/**
 * The link types a capture may carry that the kit replays, and each one's frames as the Ethernet frames the
 * DUT contract speaks: an adapter is handed Ethernet, so a Linux cooked or raw IP record gets an Ethernet
 * header with the same EtherType (the cooked header's link-layer source address where it has one, zeros
 * otherwise).
 */
public final class LinkType {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    public static final int RAW = 101;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private static final int ETHERNET_HEADER = 14;

    private LinkType() {}

    public static boolean replayable(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 -> true;
            default -> false;
        };
    }

    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "BSD loopback";
            case ETHERNET -> "Ethernet";
            case RAW -> "raw IP";
            case LINUX_SLL -> "Linux cooked (SLL)";
            case IPV4 -> "raw IPv4";
            case IPV6 -> "raw IPv6";
            case LINUX_SLL2 -> "Linux cooked v2 (SLL2)";
            default -> "LINKTYPE " + linkType;
        };
    }

    /**
     * The record as an Ethernet frame: the data itself for Ethernet, a new frame for the others; null when the
     * link type is not replayable or the record is shorter than its link header.
     */
    public static byte[] asEthernet(int linkType, byte[] data) {
        return switch (linkType) {
            case ETHERNET -> data;
            case RAW -> data.length == 0 ? null : ethernet(ipEtherType(data[0]), null, data, 0);
            case IPV4 -> ethernet(0x0800, null, data, 0);
            case IPV6 -> ethernet(0x86DD, null, data, 0);
            case NULL -> data.length < 4 ? null : ethernet(loopbackEtherType(data), null, data, 4);
            case LINUX_SLL -> data.length < 16 ? null
                    : ethernet(u16(data, 14), u16(data, 4) == 6 ? new int[] {6, 6} : null, data, 16);
            case LINUX_SLL2 -> data.length < 20 ? null
                    : ethernet(u16(data, 0), (data[11] & 0xFF) == 6 ? new int[] {12, 6} : null, data, 20);
            default -> null;
        };
    }

    private static int ipEtherType(byte first) {
        return (first & 0xF0) == 0x60 ? 0x86DD : 0x0800;
    }

    /** DLT_NULL's family is in the byte order of the machine that captured: 2 is IPv4, 24, 28 and 30 IPv6. */
    private static int loopbackEtherType(byte[] data) {
        int family = (data[0] & 0xFF) | (data[1] & 0xFF) << 8 | (data[2] & 0xFF) << 16 | (data[3] & 0xFF) << 24;
        if (family > 0xFFFF) {
            family = Integer.reverseBytes(family);
        }
        return family == 2 ? 0x0800 : family == 24 || family == 28 || family == 30 ? 0x86DD : 0;
    }

    /** @param source offset and length of a 6-byte source address in {@code data}, or null for zeros */
    private static byte[] ethernet(int etherType, int[] source, byte[] data, int from) {
        byte[] frame = new byte[ETHERNET_HEADER + data.length - from];
        if (source != null) {
            System.arraycopy(data, source[0], frame, 6, 6);
        }
        frame[12] = (byte) (etherType >>> 8);
        frame[13] = (byte) etherType;
        System.arraycopy(data, from, frame, ETHERNET_HEADER, data.length - from);
        return frame;
    }
}
