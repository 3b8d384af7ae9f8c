package org.offloadkit.linux;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;

/** Addresses, payloads and header reads for the frames the kernel harness tests send. */
final class TestFrames {
    static final byte[] MAC_A = {0x02, 0, 0, 0, 0, 0x0A};
    static final byte[] MAC_B = {0x02, 0, 0, 0, 0, 0x0B};
    static final byte[] IPV4_A = address("192.0.2.1");
    static final byte[] IPV4_B = address("198.51.100.2");
    static final byte[] IPV6_A = address("2001:db8::a");
    static final byte[] IPV6_B = address("2001:db8::b");
    static final int SOURCE_PORT = 40000;
    static final int DESTINATION_PORT = 5001;

    private TestFrames() {}

    static FrameBuilder ipv4() {
        return FrameBuilder.ethernet(MAC_B, MAC_A).ipv4(IPV4_A, IPV4_B);
    }

    static FrameBuilder ipv6() {
        return FrameBuilder.ethernet(MAC_B, MAC_A).ipv6(IPV6_A, IPV6_B);
    }

    static FrameBuilder tcp4() {
        return ipv4().tcp(SOURCE_PORT, DESTINATION_PORT);
    }

    static FrameBuilder tcp6() {
        return ipv6().tcp(SOURCE_PORT, DESTINATION_PORT);
    }

    /** Bytes that differ from their neighbours, so a payload cut or joined in the wrong place shows. */
    static byte[] payload(int length) {
        return payload(0, length);
    }

    /** {@code length} bytes of the same pattern from {@code offset} on: the payload of a later segment. */
    static byte[] payload(int offset, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            int n = offset + i;
            b[i] = (byte) (n * 7 + n / 251);
        }
        return b;
    }

    static FrameLayout layout(byte[] frame) {
        return (FrameLayout) FrameParser.parse(frame);
    }

    static byte[] payloadOf(byte[] frame) {
        FrameLayout layout = layout(frame);
        return Arrays.copyOfRange(frame, layout.payloadOffset(), layout.ipEnd());
    }

    static byte[] joinedPayloads(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(frame -> out.writeBytes(payloadOf(frame)));
        return out.toByteArray();
    }

    static int ipv4Id(byte[] frame) {
        return Bytes.u16(frame, layout(frame).layer3Offset() + 4);
    }

    static int ipv4TotalLength(byte[] frame) {
        return Bytes.u16(frame, layout(frame).layer3Offset() + 2);
    }

    static boolean dontFragment(byte[] frame) {
        return (Bytes.u16(frame, layout(frame).layer3Offset() + 6) & 0x4000) != 0;
    }

    static int ipv6PayloadLength(byte[] frame) {
        return Bytes.u16(frame, layout(frame).layer3Offset() + 4);
    }

    static long tcpSeq(byte[] frame) {
        return Bytes.u32(frame, layout(frame).layer4Offset() + 4);
    }

    static int tcpFlags(byte[] frame) {
        return Bytes.u8(frame, layout(frame).layer4Offset() + 13);
    }

    static int udpLength(byte[] frame) {
        return Bytes.u16(frame, layout(frame).layer4Offset() + 4);
    }

    /** The bytes from the start of the frame to the end of the TCP or UDP header. */
    static byte[] headersOf(byte[] frame) {
        return Arrays.copyOf(frame, layout(frame).payloadOffset());
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
