package org.offloadkit.reference;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.TcpFlags;

/** One direction of a TCP connection, for hand-worked coalescing cases: every field has a plain default. */
final class TcpFlow {
    static final byte[] MAC_A = {2, 0, 0, 0, 0, 1};
    static final byte[] MAC_B = {2, 0, 0, 0, 0, 2};

    private final boolean ipv6;
    private final int sourcePort;
    long ack = 5000;
    int window = 1000;
    int ttl = 64;
    int tos;
    int ipId = 100;

    private TcpFlow(boolean ipv6, int sourcePort) {
        this.ipv6 = ipv6;
        this.sourcePort = sourcePort;
    }

    static TcpFlow ipv4(int sourcePort) {
        return new TcpFlow(false, sourcePort);
    }

    static TcpFlow ipv6(int sourcePort) {
        return new TcpFlow(true, sourcePort);
    }

    /** A builder for a segment of this flow: ACK and PSH per flags, payload bytes counting up from seq. */
    FrameBuilder segment(long seq, int length, int flags) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (seq + i);
        }
        FrameBuilder b = FrameBuilder.ethernet(MAC_B, MAC_A);
        if (ipv6) {
            b.ipv6(address6(1), address6(2));
        } else {
            b.ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}).ipId(ipId++);
        }
        return b.tos(tos).ttl(ttl).tcp(sourcePort, 443).seq(seq).ack(ack).window(window).flags(flags).payload(payload);
    }

    byte[] data(long seq, int length) {
        return segment(seq, length, TcpFlags.ACK).build();
    }

    byte[] pureAck(long seq) {
        return segment(seq, 0, TcpFlags.ACK).build();
    }

    static byte[] timestamps(long tsval, long tsecr) {
        byte[] o = new byte[12];
        o[0] = 1;
        o[1] = 1;
        o[2] = 8;
        o[3] = 10;
        Bytes.put32(o, 4, tsval);
        Bytes.put32(o, 8, tsecr);
        return o;
    }

    private static byte[] address6(int last) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = (byte) last;
        return a;
    }
}
