package org.offloadkit.packet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * RFC 1071 one's complement arithmetic over byte ranges.
 *
 * <p>The sum is byte-order independent (RFC 1071 section 2(B)), so ranges are summed four bytes at a
 * time in the machine's little-endian order and the folded result is swapped once at the end. Sums are
 * 16-bit values, folded but not complemented; a checksum field holds the complement.
 */
public final class InternetChecksum {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private InternetChecksum() {}

    /** The folded one's complement sum of {@code len} bytes at {@code off}, as big-endian 16-bit words. */
    public static int sum(byte[] b, int off, int len) {
        // Not off + len > b.length: that sum overflows int and lets a far range pass.
        Objects.checkFromIndexSize(off, len, b.length);
        // A 4-byte load zero-extends into a long in one instruction, where an 8-byte word needs a
        // shift and a mask to split. C2 does not unroll this loop by itself, so it takes 64 bytes a
        // turn to keep the loop overhead small, into two accumulators for two independent add chains.
        // Each load adds less than 2^32 and an array holds fewer than 2^29 of them: no carry is lost.
        long even = 0;
        long odd = 0;
        int i = off;
        int end = off + len;
        for (int stop = end - 63; i < stop; i += 64) {
            even += u32(b, i) + u32(b, i + 8) + u32(b, i + 16) + u32(b, i + 24)
                    + u32(b, i + 32) + u32(b, i + 40) + u32(b, i + 48) + u32(b, i + 56);
            odd += u32(b, i + 4) + u32(b, i + 12) + u32(b, i + 20) + u32(b, i + 28)
                    + u32(b, i + 36) + u32(b, i + 44) + u32(b, i + 52) + u32(b, i + 60);
        }
        long sum = even + odd;
        for (; i < end - 3; i += 4) {
            sum += u32(b, i);
        }
        if (i < end - 1) {
            sum += (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
            i += 2;
        }
        if (i < end) {
            sum += b[i] & 0xFF; // an odd last byte is the high byte of a zero-padded word
        }
        int folded = fold(sum);
        return ((folded & 0xFF) << 8) | (folded >>> 8);
    }

    private static long u32(byte[] b, int i) {
        return (int) INT_LE.get(b, i) & 0xFFFFFFFFL;
    }

    /** One's complement addition of two folded sums (or 16-bit values, or lengths below 2^31 together). */
    public static int add(int x, int y) {
        int s = x + y;
        s = (s & 0xFFFF) + (s >>> 16); // below 0x18000
        return (s & 0xFFFF) + (s >>> 16);
    }

    /** The value a checksum field holds for the given folded sum. */
    public static int complement(int sum) {
        return ~sum & 0xFFFF;
    }

    private static int fold(long s) {
        s = (s & 0xFFFFFFFFL) + (s >>> 32);
        s = (s & 0xFFFFFFFFL) + (s >>> 32);
        s = (s & 0xFFFF) + (s >>> 16);
        s = (s & 0xFFFF) + (s >>> 16);
        s = (s & 0xFFFF) + (s >>> 16);
        return (int) s;
    }

    /**
     * The sum over the IPv4 or IPv6 pseudo-header of the frame's upper-layer protocol: source, destination
     * (for IPv6 the final one), protocol and the given upper-layer length.
     */
    public static int pseudoHeaderSum(byte[] frame, FrameLayout layout, int upperLayerLength) {
        int sum = pseudoHeaderSumWithoutLength(frame, layout);
        // IPv6 carries a 32-bit length; its high half adds as one more word.
        return add(add(sum, upperLayerLength & 0xFFFF), upperLayerLength >>> 16);
    }

    /** The pseudo-header sum without the length: what a stack seeds a large send with (spec 2.2). */
    public static int pseudoHeaderSumWithoutLength(byte[] frame, FrameLayout layout) {
        if (!layout.isIPv4() && !layout.isIPv6()) {
            throw new IllegalArgumentException("no pseudo-header without IP: " + layout.describe());
        }
        int addressLength = layout.isIPv4() ? 4 : 16;
        int source = layout.layer3Offset() + (layout.isIPv4() ? 12 : 8);
        int destination = layout.pseudoDestination();
        // The header's own destination follows its source: one range, one fold.
        int addresses = destination == source + addressLength ? sum(frame, source, 2 * addressLength)
                : add(sum(frame, source, addressLength), sum(frame, destination, addressLength));
        return add(addresses, layout.ipProtocol());
    }
}
