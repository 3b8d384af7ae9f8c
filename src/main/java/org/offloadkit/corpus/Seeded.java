package org.offloadkit.corpus;

import java.util.SplittableRandom;

import org.offloadkit.packet.Bytes;

/** The building blocks the corpus generators share: seeded bytes and addresses, and checksums spoiled on purpose. */
final class Seeded {
    private Seeded() {}

    static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A locally administered unicast MAC address. */
    static byte[] mac(SplittableRandom random) {
        byte[] m = bytes(random, 6);
        m[0] = (byte) ((m[0] & 0xFC) | 0x02);
        return m;
    }

    /** An address in 2001:db8::/32, the documentation prefix. */
    static byte[] ipv6(SplittableRandom random) {
        byte[] a = bytes(random, 16);
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        return a;
    }

    /** Makes a checksum field wrong, and no longer 0 or 0xFFFF where it was neither. */
    static void corrupt(byte[] frame, int checksumField) {
        Bytes.put16(frame, checksumField, Bytes.u16(frame, checksumField) ^ 0x5A5A);
    }
}
