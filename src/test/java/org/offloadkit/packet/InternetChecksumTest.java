package org.offloadkit.packet;

import static org.offloadkit.packet.InternetChecksum.add;
import static org.offloadkit.packet.InternetChecksum.complement;
import static org.offloadkit.packet.InternetChecksum.pseudoHeaderSum;
import static org.offloadkit.packet.InternetChecksum.pseudoHeaderSumWithoutLength;
import static org.offloadkit.packet.InternetChecksum.sum;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.pcap4j.util.ByteArrays;
import org.testng.annotations.Test;

public class InternetChecksumTest {
    private static final byte[] MAC_A = {0x02, 0, 0, 0, 0, 0x0A};
    private static final byte[] MAC_B = {0x02, 0, 0, 0, 0, 0x0B};

    @Test
    public void rfc1071WorkedExample() {
        // RFC 1071 section 3: 0001 + f203 + f4f5 + f6f7 = 2ddf0, folded ddf2, checksum 220d.
        byte[] data = bytes(0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7);
        assertEquals(sum(data, 0, data.length), 0xddf2);
        assertEquals(complement(sum(data, 0, data.length)), 0x220d);
    }

    @Test
    public void agreesWithPcap4jOnEveryShortLengthAndOffset() {
        SplittableRandom random = new SplittableRandom(1071);
        for (int length = 0; length <= 300; length++) {
            // Offsets 0..8 put the range at every alignment of the eight-byte reads, odd and even.
            for (int offset = 0; offset <= 8; offset++) {
                assertAgreesWithPcap4j(random, offset, length);
            }
        }
    }

    @Test
    public void agreesWithPcap4jOnLargeSizes() {
        SplittableRandom random = new SplittableRandom(793);
        for (int length : new int[] {1500, 9000, 65535, 65536}) {
            for (int offset : new int[] {0, 1, 2, 7}) {
                assertAgreesWithPcap4j(random, offset, length);
            }
        }
    }

    /** Random bytes around the range too, so a read past either end would change the sum. */
    private static void assertAgreesWithPcap4j(SplittableRandom random, int offset, int length) {
        byte[] buffer = new byte[offset + length + 9];
        random.nextBytes(buffer);
        // Pcap4J sums a whole array, zero-pads an odd tail and returns the complement as a signed short.
        int pcap4j = ByteArrays.calcChecksum(Arrays.copyOfRange(buffer, offset, offset + length)) & 0xFFFF;
        assertEquals(complement(sum(buffer, offset, length)), pcap4j, "offset " + offset + ", length " + length);
    }

    @Test
    public void oddTailIsTheHighByteOfAZeroPaddedWord() {
        assertEquals(sum(bytes(0xab), 0, 1), 0xab00);
        assertEquals(sum(bytes(0x12, 0x34, 0xab), 0, 3), 0x1234 + 0xab00);
        // The same odd range inside a longer array: the byte after it must not count.
        assertEquals(sum(bytes(0x99, 0x12, 0x34, 0xab, 0xcd), 1, 3), 0x1234 + 0xab00);
    }

    @Test
    public void emptyRangeSumsToZero() {
        assertEquals(sum(new byte[0], 0, 0), 0);
        assertEquals(sum(bytes(1, 2, 3), 3, 0), 0);
    }

    @Test
    public void carriesFoldBackInHoweverManyThereAre() {
        // Every word is 0xFFFF, so every addition carries; one's complement 0xFFFF + 0xFFFF is 0xFFFF.
        for (int length : new int[] {2, 4, 8, 14, 16, 18, 32, 100, 1500, 65536, 1 << 20, 1 << 24}) {
            byte[] ones = new byte[length];
            Arrays.fill(ones, (byte) 0xFF);
            assertEquals(sum(ones, 0, length), 0xFFFF, "length " + length);
            // An odd tail of 0xFF adds 0xFF00, which 0xFFFF leaves as it is.
            assertEquals(sum(ones, 0, length - 1), 0xFF00, "length " + (length - 1));
            assertEquals(sum(ones, 1, length - 1), 0xFF00, "offset 1, length " + (length - 1));
        }
    }

    @Test
    public void addAndComplementIdentities() {
        for (int x = 0; x <= 0xFFFF; x++) {
            assertEquals(add(x, 0), x);
            assertEquals(complement(complement(x)), x);
            // x plus its complement is all ones: what a receiver checks for.
            assertEquals(add(x, complement(x)), 0xFFFF);
        }
        assertEquals(add(0xFFFF, 0xFFFF), 0xFFFF);
        assertEquals(add(0xFFFF, 1), 1);
        assertEquals(add(0x8000, 0x8000), 1);
        // A length past 16 bits adds as its two words: 0x7FFF0000 is 0x7FFF + 0x0000.
        assertEquals(add(0xFFFF, 0x7FFF0000), 0x7FFF);
        assertEquals(add(0x1234, 0x12345), 0x1234 + 0x2345 + 1);

        SplittableRandom random = new SplittableRandom(8200);
        for (int i = 0; i < 10_000; i++) {
            int x = random.nextInt(0x10000);
            int y = random.nextInt(0x10000);
            int z = random.nextInt(0x10000);
            assertEquals(add(x, y), add(y, x));
            assertEquals(add(add(x, y), z), add(x, add(y, z)));
        }
    }

    @Test
    public void sumsOfPiecesAddUpToTheSumOfTheWhole() {
        byte[] data = new byte[1000];
        new SplittableRandom(1).nextBytes(data);
        for (int split = 0; split <= data.length; split += 2) {
            assertEquals(add(sum(data, 0, split), sum(data, split, data.length - split)), sum(data, 0, data.length),
                    "split at " + split);
        }
    }

    @Test
    public void aStoredComplementMakesTheRangeVerify() {
        byte[] data = new byte[64];
        new SplittableRandom(2).nextBytes(data);
        data[10] = 0;
        data[11] = 0;
        Bytes.put16(data, 10, complement(sum(data, 0, data.length)));
        assertEquals(sum(data, 0, data.length), 0xFFFF);
    }

    @Test
    public void rangesOutsideTheArrayThrow() {
        byte[] data = new byte[16];
        assertThrows(IndexOutOfBoundsException.class, () -> sum(data, -1, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> sum(data, 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> sum(data, 0, 17));
        assertThrows(IndexOutOfBoundsException.class, () -> sum(data, 13, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> sum(data, 17, 0));
        // off + len overflows int: must not wrap round to a "valid" negative end.
        assertThrows(IndexOutOfBoundsException.class, () -> sum(data, 2, Integer.MAX_VALUE));
        assertThrows(IndexOutOfBoundsException.class, () -> sum(data, Integer.MAX_VALUE, 2));
        assertEquals(sum(data, 16, 0), 0);
    }

    @Test
    public void ipv4PseudoHeaderAsRfc793DefinesIt() {
        byte[] source = bytes(192, 0, 2, 1);
        byte[] destination = bytes(198, 51, 100, 2);
        byte[] frame = FrameBuilder.ethernet(MAC_A, MAC_B)
                .vlan(0x8100, 5) // the IP header does not start at 14, so offsets are really used
                .ipv4(source, destination)
                .tcp(1234, 80)
                .payload(bytes(1, 2, 3, 4, 5))
                .build();
        FrameLayout layout = FrameParser.parse(frame).layout();
        int tcpLength = 20 + 5;

        // RFC 793 3.1: source address, destination address, zero, PTCL, TCP length.
        byte[] pseudoHeader = concat(source, destination, bytes(0, FrameLayout.PROTOCOL_TCP), be16(tcpLength));
        // By hand: c000 + 0201 + c633 + 6402 + 0006 + 0019 = 1ec55, folded ec56.
        assertEquals(referenceSum(pseudoHeader), 0xec56);

        assertEquals(pseudoHeaderSum(frame, layout, tcpLength), 0xec56);
        // Without the length word: 1ec55 - 0019 = 1ec3c, folded ec3d.
        assertEquals(pseudoHeaderSumWithoutLength(frame, layout), 0xec3d);
    }

    @Test
    public void ipv6PseudoHeaderAsRfc8200DefinesIt() {
        byte[] source = ipv6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
        byte[] destination = ipv6(0x2001, 0xdb8, 0, 0, 0, 0, 0xabcd, 2);
        byte[] frame = FrameBuilder.ethernet(MAC_A, MAC_B)
                .ipv6(source, destination)
                .udp(5353, 53)
                .payload(bytes(9, 8, 7))
                .build();
        FrameLayout layout = FrameParser.parse(frame).layout();
        int udpLength = 8 + 3;

        assertEquals(pseudoHeaderSum(frame, layout, udpLength), rfc8200PseudoHeaderSum(source, destination, udpLength, 17));
        // A jumbogram's length does not fit 16 bits: the pseudo-header carries all 32.
        assertEquals(pseudoHeaderSum(frame, layout, 0x12345), rfc8200PseudoHeaderSum(source, destination, 0x12345, 17));
        assertEquals(pseudoHeaderSumWithoutLength(frame, layout), rfc8200PseudoHeaderSum(source, destination, 0, 17));
    }

    @Test
    public void ipv6PseudoHeaderUsesTheFinalDestinationOfARoutingHeader() {
        byte[] source = ipv6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1);
        byte[] careOf = ipv6(0x2001, 0xdb8, 1, 0, 0, 0, 0, 2);
        byte[] home = ipv6(0x2001, 0xdb8, 2, 0, 0, 0, 0xbeef, 3);
        byte[] frame = FrameBuilder.ethernet(MAC_A, MAC_B)
                .ipv6(source, careOf)
                .extension(Ipv6Extension.routingType2(home))
                .tcp(40000, 443)
                .payload(new byte[33])
                .build();
        FrameLayout layout = FrameParser.parse(frame).layout();
        int tcpLength = 20 + 33;

        // RFC 8200 8.1: with a routing header the pseudo-header carries the final destination.
        assertEquals(pseudoHeaderSum(frame, layout, tcpLength), rfc8200PseudoHeaderSum(source, home, tcpLength, 6));
    }

    /** RFC 8200 8.1: source, destination, 32-bit upper-layer length, three zero bytes, next header. */
    private static int rfc8200PseudoHeaderSum(byte[] source, byte[] destination, int length, int nextHeader) {
        return referenceSum(concat(source, destination, be16(length >>> 16), be16(length), bytes(0, 0, 0, nextHeader)));
    }

    /** RFC 1071 in its plainest form: big-endian words, end-around carry after each addition. */
    private static int referenceSum(byte[] data) {
        int sum = 0;
        for (int i = 0; i < data.length; i += 2) {
            int word = (data[i] & 0xFF) << 8 | (i + 1 < data.length ? data[i + 1] & 0xFF : 0);
            sum += word;
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return sum;
    }

    private static byte[] ipv6(int... groups) {
        byte[] address = new byte[16];
        for (int i = 0; i < 8; i++) {
            Bytes.put16(address, 2 * i, groups[i]);
        }
        return address;
    }

    private static byte[] be16(int value) {
        return bytes(value >>> 8 & 0xFF, value & 0xFF);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
