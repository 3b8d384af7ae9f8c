package org.offloadkit.linux;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Frames;

/** Flows, payloads and header reads for the frames the kernel harness tests send. */
final class LinkFrames {
    static final int SOURCE_PORT = 40000;
    static final int DESTINATION_PORT = 5001;

    private LinkFrames() {}

    static FrameBuilder tcp4() {
        return Frames.ipv4().tcp(SOURCE_PORT, DESTINATION_PORT);
    }

    static FrameBuilder tcp6() {
        return Frames.ipv6().tcp(SOURCE_PORT, DESTINATION_PORT);
    }

    static FrameBuilder udp4() {
        return Frames.ipv4().udp(SOURCE_PORT, DESTINATION_PORT);
    }

    static FrameBuilder udp6() {
        return Frames.ipv6().udp(SOURCE_PORT, DESTINATION_PORT);
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
}
