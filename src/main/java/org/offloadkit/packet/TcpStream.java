package org.offloadkit.packet;

/**
 * One direction of a TCP connection, to build its segments with: addresses and ports fixed, the header
 * fields a coalescing case varies kept as settings, IPv4 IDs counting up. Payload byte i of the segment at
 * sequence number s is (s + i) mod 256, so every byte says where in the stream it belongs.
 */
public final class TcpStream {
    private final byte[] destinationMac;
    private final byte[] sourceMac;
    private final boolean ipv6;
    private final byte[] sourceIp;
    private final byte[] destinationIp;
    private final int sourcePort;
    private final int destinationPort;
    private long ack;
    private int window = 65535;
    private int ttl = 64;
    private int tos;
    private int flowLabel;
    private int ipId;
    private boolean dontFragment = true;

    private TcpStream(byte[] destinationMac, byte[] sourceMac, boolean ipv6, byte[] sourceIp, byte[] destinationIp,
                      int sourcePort, int destinationPort) {
        this.destinationMac = destinationMac.clone();
        this.sourceMac = sourceMac.clone();
        this.ipv6 = ipv6;
        this.sourceIp = sourceIp.clone();
        this.destinationIp = destinationIp.clone();
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
    }

    public static TcpStream ipv4(byte[] destinationMac, byte[] sourceMac, byte[] source, byte[] destination,
                                 int sourcePort, int destinationPort) {
        return new TcpStream(destinationMac, sourceMac, false, source, destination, sourcePort, destinationPort);
    }

    public static TcpStream ipv6(byte[] destinationMac, byte[] sourceMac, byte[] source, byte[] destination,
                                 int sourcePort, int destinationPort) {
        return new TcpStream(destinationMac, sourceMac, true, source, destination, sourcePort, destinationPort);
    }

    public TcpStream ack(long value) {
        ack = value & 0xFFFFFFFFL;
        return this;
    }

    public TcpStream window(int value) {
        window = value;
        return this;
    }

    /** IPv4 TTL or IPv6 Hop Limit. */
    public TcpStream ttl(int value) {
        ttl = value;
        return this;
    }

    /** IPv4 TOS or IPv6 Traffic Class: DSCP and ECN. */
    public TcpStream tos(int value) {
        tos = value;
        return this;
    }

    public TcpStream flowLabel(int value) {
        flowLabel = value;
        return this;
    }

    /** The IPv4 ID of the next segment; each segment built takes the next one. */
    public TcpStream ipId(int value) {
        ipId = value & 0xFFFF;
        return this;
    }

    public TcpStream dontFragment(boolean value) {
        dontFragment = value;
        return this;
    }

    /** A segment to bend further before {@link FrameBuilder#build()}. */
    public FrameBuilder segment(long seq, int length, int flags) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (seq + i);
        }
        FrameBuilder b = FrameBuilder.ethernet(destinationMac, sourceMac);
        if (ipv6) {
            b.ipv6(sourceIp, destinationIp).flowLabel(flowLabel);
        } else {
            b.ipv4(sourceIp, destinationIp).ipId(ipId).fragment(dontFragment, false, 0);
            ipId = (ipId + 1) & 0xFFFF;
        }
        return b.tos(tos).ttl(ttl).tcp(sourcePort, destinationPort).seq(seq).ack(ack).window(window).flags(flags).payload(payload);
    }

    /** A data segment with ACK set. */
    public byte[] data(long seq, int length) {
        return segment(seq, length, TcpFlags.ACK).build();
    }

    /** A segment with ACK set and no data. */
    public byte[] pureAck(long seq) {
        return segment(seq, 0, TcpFlags.ACK).build();
    }

    /** NOP, NOP, Timestamps (RFC 7323): the layout stacks send. */
    public static byte[] timestampOption(long tsval, long tsecr) {
        byte[] o = new byte[12];
        o[0] = 1;
        o[1] = 1;
        o[2] = 8;
        o[3] = 10;
        Bytes.put32(o, 4, tsval);
        Bytes.put32(o, 8, tsecr);
        return o;
    }
}
