package org.offloadkit.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Addresses and starting points for frames built by hand in the tests (of other packages too). */
public final class Frames {
    static final byte[] MAC_A = {0x02, 0, 0, 0, 0, 0x0A};
    static final byte[] MAC_B = {0x02, 0, 0, 0, 0, 0x0B};
    static final byte[] IPV4_A = address("192.0.2.1");
    static final byte[] IPV4_B = address("198.51.100.2");
    static final byte[] IPV6_A = address("2001:db8::a");
    static final byte[] IPV6_B = address("2001:db8::b");
    static final byte[] HOME_ADDRESS = address("2001:db8:ffff::1");

    private Frames() {}

    public static FrameBuilder ethernet() {
        return FrameBuilder.ethernet(MAC_B, MAC_A);
    }

    public static FrameBuilder ipv4() {
        return ethernet().ipv4(IPV4_A, IPV4_B);
    }

    public static FrameBuilder ipv6() {
        return ethernet().ipv6(IPV6_A, IPV6_B);
    }

    static byte[] payload(int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) 0xA5);
        return b;
    }

    /** The frame with zero bytes appended, as a NIC pads a short frame to the Ethernet minimum. */
    static byte[] padded(byte[] frame, int length) {
        return Arrays.copyOf(frame, length);
    }

    /** The 16 bytes at {@code offset}, to compare with an address. */
    static byte[] sixteenBytesAt(byte[] frame, int offset) {
        return Arrays.copyOfRange(frame, offset, offset + 16);
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
