package org.offloadkit.corpus;

import java.util.SplittableRandom;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;

/**
 * The random parts of corpus frames, all drawn from one seeded stream in the order they are asked for, so
 * that a seed gives the same bytes on every machine: addresses, payloads, TCP header fields and options.
 */
final class CorpusRandom {
    private final SplittableRandom random;

    CorpusRandom(long seed) {
        random = new SplittableRandom(seed);
    }

    int nextInt() {
        return random.nextInt();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    int nextInt(int origin, int bound) {
        return random.nextInt(origin, bound);
    }

    long nextLong() {
        return random.nextLong();
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A locally administered unicast MAC address. */
    byte[] mac() {
        byte[] m = bytes(6);
        m[0] = (byte) ((m[0] & 0xFC) | 0x02);
        return m;
    }

    /** An address in 10.0.0.0/8. */
    byte[] privateIpv4() {
        return new byte[] {10, (byte) random.nextInt(256), (byte) random.nextInt(256), (byte) (1 + random.nextInt(254))};
    }

    /** An address in 192.0.2.0/24, the documentation block. */
    byte[] documentationIpv4() {
        return new byte[] {(byte) 192, 0, 2, (byte) (1 + random.nextInt(254))};
    }

    /** An address in 2001:db8::/32, the documentation prefix. */
    byte[] documentationIpv6() {
        byte[] a = bytes(16);
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        return a;
    }

    /** A TCP header to port 443 with PSH and ACK, every other field drawn. */
    FrameBuilder tcp(FrameBuilder b) {
        return b.tcp(1024 + random.nextInt(60000), 443).seq(random.nextLong()).ack(random.nextLong())
                .flags(0x18).window(random.nextInt(1, 65536));
    }

    /** The timestamps option, NOP-aligned: 12 bytes. */
    byte[] timestamps() {
        byte[] o = new byte[12];
        o[0] = 1;
        o[1] = 1;
        o[2] = 8;
        o[3] = 10;
        Bytes.put32(o, 4, random.nextLong() & 0xFFFFFFFFL);
        Bytes.put32(o, 8, random.nextLong() & 0xFFFFFFFFL);
        return o;
    }

    /** Record Route with room for nine addresses: the largest IPv4 header (60 bytes). */
    static byte[] recordRoute() {
        byte[] o = new byte[40];
        o[0] = 7;
        o[1] = 39;
        o[2] = 4;
        return o;
    }
}
