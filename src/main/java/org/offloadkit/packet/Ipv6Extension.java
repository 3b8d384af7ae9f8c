package org.offloadkit.packet;

/**
 * An IPv6 extension header to build into a frame. {@code bytes} is the whole header; its first byte (Next
 * Header) is filled in by the {@link FrameBuilder}.
 */
public record Ipv6Extension(int type, byte[] bytes) {
    public static final int HOP_BY_HOP = 0;
    public static final int ROUTING = 43;
    public static final int FRAGMENT = 44;
    public static final int DESTINATION_OPTIONS = 60;

    /** Hop-by-hop options of {@code length} bytes (a multiple of 8), filled with an experimental option. */
    public static Ipv6Extension hopByHop(int length) {
        return options(HOP_BY_HOP, length);
    }

    /** Destination options of {@code length} bytes (a multiple of 8, at least 8). */
    public static Ipv6Extension destinationOptions(int length) {
        return options(DESTINATION_OPTIONS, length);
    }

    private static Ipv6Extension options(int type, int length) {
        if (length < 8 || length % 8 != 0 || length > 2048) {
            throw new IllegalArgumentException("options header length " + length);
        }
        byte[] b = new byte[length];
        b[1] = (byte) (length / 8 - 1);
        // RFC 4727 experimental option 0x1E (skip if unknown), in pieces of at most 255 data bytes.
        int p = 2;
        while (p < length) {
            int data = Math.min(255, length - p - 2);
            b[p] = 0x1E;
            b[p + 1] = (byte) data;
            p += 2 + data;
        }
        return new Ipv6Extension(type, b);
    }

    /** A type 2 routing header (Mobile IPv6) carrying the home address, one segment left. */
    public static Ipv6Extension routingType2(byte[] homeAddress) {
        byte[] b = new byte[24];
        b[1] = 2;
        b[2] = 2;
        b[3] = 1;
        System.arraycopy(homeAddress, 0, b, 8, 16);
        return new Ipv6Extension(ROUTING, b);
    }

    /** A fragment header; offset in 8-byte units. */
    public static Ipv6Extension fragment(int offset, boolean more, long identification) {
        byte[] b = new byte[8];
        Bytes.put16(b, 2, offset << 3 | (more ? 1 : 0));
        Bytes.put32(b, 4, identification);
        return new Ipv6Extension(FRAGMENT, b);
    }
}
