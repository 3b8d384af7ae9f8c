package org.offloadkit.reference;

import static org.offloadkit.packet.Bytes.u16;
import static org.offloadkit.packet.Bytes.u32;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.offloadkit.corpus.GsoTemplates;
import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Ipv6Extension;
import org.offloadkit.reference.GsoSegmenter.Checksums;
import org.offloadkit.reference.GsoSegmenter.Limits;
import org.offloadkit.reference.Segmentation.Reason;
import org.offloadkit.reference.Segmentation.Refused;
import org.offloadkit.reference.Segmentation.Segments;
import org.offloadkit.spec.GsoRequest;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.LargeSend.Flavor;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The segmenter, one rule a case (spec 2.3, 2.4), against values worked out by hand or by the spec's
 * formulas; two tiny sends against every byte of frames computed by an independent implementation.
 */
public class GsoSegmenterTest {
    private static final byte[] MAC_A = {2, 0, 0, 0, 0, 0x0A};
    private static final byte[] MAC_B = {2, 0, 0, 0, 0, 0x0B};
    private static final byte[] V4A = {(byte) 192, 0, 2, 1};
    private static final byte[] V4B = {(byte) 198, 51, 100, 2};
    private static final byte[] V6A = HexFormat.of().parseHex("20010db800000000000000000000000a");
    private static final byte[] V6B = HexFormat.of().parseHex("20010db800000000000000000000000b");
    private static final Limits ANY = Limits.UNCHECKED;
    private static final int FIN = 0x01;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;
    private static final int ECE = 0x40;
    private static final int CWR = 0x80;

    private static FrameBuilder ipv4Tcp() {
        return FrameBuilder.ethernet(MAC_B, MAC_A).ipv4(V4A, V4B).tcp(40000, 443).ack(1).window(1000);
    }

    private static FrameBuilder ipv6Udp() {
        return FrameBuilder.ethernet(MAC_B, MAC_A).ipv6(V6A, V6B).udp(5000, 5001);
    }

    private static byte[] payload(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }

    private static List<byte[]> segments(byte[] template, LargeSend send) {
        Segmentation result = GsoSegmenter.segment(template, send, ANY, Checksums.FINISHED);
        assertTrue(result instanceof Segments, "refused: " + result);
        return ((Segments) result).frames();
    }

    private static Reason refusal(byte[] template, LargeSend send, Limits limits) {
        Segmentation result = GsoSegmenter.segment(template, send, limits, Checksums.FINISHED);
        assertTrue(result instanceof Refused, "segmented: " + result);
        return ((Refused) result).reason();
    }

    private static List<String> hex(List<byte[]> frames) {
        return frames.stream().map(HexFormat.of()::formatHex).toList();
    }

    // ---------------------------------------------------------------- whole frames, worked out elsewhere

    /** "ABCDEFG" at MSS 3, seq 2 before its wrap, ID 0x7FFE, flags CWR ECE ACK PSH FIN: every byte of every segment. */
    @Test
    public void lsoV2Ipv4EveryByte() {
        byte[] template = GsoTemplates.template(ipv4Tcp().ipId(0x7FFE).seq(0xFFFFFFFEL).flags(0xD9),
                "ABCDEFG".getBytes(java.nio.charset.StandardCharsets.US_ASCII), Flavor.LSO_V2);
        assertEquals(hex(segments(template, LargeSend.lsoV2(3))), List.of(
                "02000000000b02000000000a08004500002b7ffe40004006ce97c0000201c63364029c4001bbfffffffe0000000150d003e89cb40000414243",
                "02000000000b02000000000a08004500002b7fff40004006ce96c0000201c63364029c4001bb0000000100000001505003e8972f0000444546",
                "02000000000b02000000000a0800450000290000400040064e98c0000201c63364029c4001bb0000000400000001505903e8da6a000047"));
    }

    /** Ten bytes 0x30.. at MSS 4 over IPv6: datagrams of 4, 4 and 2, each with its UDP Length and checksum. */
    @Test
    public void usoIpv6EveryByte() {
        byte[] template = GsoTemplates.template(ipv6Udp(), new byte[] {0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39},
                Flavor.USO);
        String head = "02000000000b02000000000a86dd6000000000";
        String addresses = "114020010db800000000000000000000000a20010db800000000000000000000000b";
        assertEquals(hex(segments(template, LargeSend.uso(4))), List.of(
                head + "0c" + addresses + "13881389000c1ada30313233",
                head + "0c" + addresses + "13881389000c12d234353637",
                head + "0a" + addresses + "13881389000a45093839"));
    }

    // ---------------------------------------------------------------- one rule a case

    @Test
    public void everySegmentCarriesMssBytesButTheLastWhichCarriesTheRest() {
        byte[] template = GsoTemplates.template(ipv4Tcp(), payload(65536), Flavor.LSO_V2);
        List<byte[]> s = segments(template, LargeSend.lsoV2(1448));
        assertEquals(s.size(), 46, "ceil(65536 / 1448)");
        int headers = 14 + 20 + 20;
        assertTrue(s.subList(0, 45).stream().allMatch(f -> f.length == headers + 1448));
        assertEquals(s.get(45).length, headers + 65536 - 45 * 1448, "the last carries 376");
        byte[] joined = new byte[65536];
        for (int i = 0; i < s.size(); i++) {
            System.arraycopy(s.get(i), headers, joined, i * 1448, s.get(i).length - headers);
        }
        assertEquals(joined, payload(65536), "the payloads put together are the user bytes");
    }

    @Test
    public void sequenceNumbersStepByMssAndWrapAt32Bits() {
        byte[] template = GsoTemplates.template(ipv4Tcp().seq(0xFFFFFFFFL - 999), payload(3000), Flavor.LSO_V2);
        List<Long> seqs = segments(template, LargeSend.lsoV2(1000)).stream().map(f -> u32(f, 14 + 20 + 4)).toList();
        assertEquals(seqs, List.of(0xFFFFFC18L, 0L, 1000L));
    }

    @DataProvider
    public Object[][] ipIds() {
        return new Object[][] {
                {"LSOv2 wraps 0x7FFF to 0x0000 (spec 2.3 item 6)", Flavor.LSO_V2, 0x7FFE, List.of(0x7FFE, 0x7FFF, 0x0000, 0x0001)},
                {"LSOv2 from the upper half stays in it", Flavor.LSO_V2, 0xFFFF, List.of(0xFFFF, 0x8000, 0x8001, 0x8002)},
                {"LSOv1 wraps at 16 bits (the kit's choice for a [GAP])", Flavor.LSO_V1, 0x7FFE, List.of(0x7FFE, 0x7FFF, 0x8000, 0x8001)},
                {"LSOv1 from 0xFFFE", Flavor.LSO_V1, 0xFFFE, List.of(0xFFFE, 0xFFFF, 0x0000, 0x0001)},
        };
    }

    @Test(dataProvider = "ipIds")
    public void ipv4Ids(String name, Flavor flavor, int first, List<Integer> expected) {
        byte[] template = GsoTemplates.template(ipv4Tcp().ipId(first), payload(40), flavor);
        assertEquals(segments(template, new LargeSend(flavor, 10)).stream().map(f -> u16(f, 14 + 4)).toList(), expected, name);
    }

    @Test
    public void usoIdsWrapAt16Bits() {
        byte[] template = GsoTemplates.template(FrameBuilder.ethernet(MAC_B, MAC_A).ipv4(V4A, V4B).ipId(0xFFFF).udp(1, 2),
                payload(30), Flavor.USO);
        assertEquals(segments(template, LargeSend.uso(10)).stream().map(f -> u16(f, 14 + 4)).toList(), List.of(0xFFFF, 0x0000, 0x0001));
    }

    @Test
    public void finAndPshGoOnTheLastSegmentCwrOnTheFirstEceOnAll() {
        byte[] template = GsoTemplates.template(ipv4Tcp().flags(CWR | ECE | ACK | PSH | FIN), payload(40), Flavor.LSO_V2);
        List<Integer> flags = segments(template, LargeSend.lsoV2(10)).stream().map(f -> f[14 + 20 + 13] & 0xFF).toList();
        assertEquals(flags, List.of(CWR | ECE | ACK, ECE | ACK, ECE | ACK, ECE | ACK | PSH | FIN));
    }

    @Test
    public void aSingleSegmentKeepsEveryFlag() {
        byte[] template = GsoTemplates.template(ipv4Tcp().flags(CWR | ACK | PSH | FIN), payload(10), Flavor.LSO_V2);
        List<byte[]> s = segments(template, LargeSend.lsoV2(10));
        assertEquals(s.size(), 1);
        assertEquals(s.get(0)[14 + 20 + 13] & 0xFF, CWR | ACK | PSH | FIN);
    }

    @Test
    public void ipv4OptionsAndTcpTimestampsAreCopiedUnchanged() {
        byte[] timestamps = {1, 1, 8, 10, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88};
        byte[] routerAlert = {(byte) 0x94, 4, 0, 0};
        byte[] template = GsoTemplates.template(ipv4Tcp().ipv4Options(routerAlert).tcpOptions(timestamps), payload(25), Flavor.LSO_V1);
        for (byte[] f : segments(template, LargeSend.lsoV1(10))) {
            assertEquals(Arrays.copyOfRange(f, 14 + 20, 14 + 24), routerAlert);
            assertEquals(Arrays.copyOfRange(f, 14 + 24 + 20, 14 + 24 + 32), timestamps, "the timestamp is not incremented");
            assertEquals(u16(f, 14 + 2), 24 + 32 + (f.length - 14 - 24 - 32), "Total Length: IHL·4 + TCP header + payload");
        }
    }

    @Test
    public void ipv6ExtensionHeadersAreCopiedAndPayloadLengthCountsThem() {
        byte[] template = GsoTemplates.template(FrameBuilder.ethernet(MAC_B, MAC_A).ipv6(V6A, V6B)
                .extension(Ipv6Extension.hopByHop(8)).extension(Ipv6Extension.destinationOptions(16)).tcp(1, 2), payload(25), Flavor.LSO_V2);
        for (byte[] f : segments(template, LargeSend.lsoV2(10))) {
            assertEquals(Arrays.copyOfRange(f, 14 + 40, 14 + 64), Arrays.copyOfRange(template, 14 + 40, 14 + 64));
            assertEquals(u16(f, 14 + 4), f.length - 14 - 40, "Payload Length: extension headers + TCP header + payload");
        }
    }

    @Test
    public void aTemplateUdpChecksumOfZeroStaysZeroAndLengthsArePerDatagram() {
        byte[] template = GsoTemplates.template(ipv6Udp(), payload(25), Flavor.USO, false);
        List<byte[]> s = segments(template, LargeSend.uso(10));
        assertEquals(s.stream().map(f -> u16(f, 14 + 40 + 6)).toList(), List.of(0, 0, 0));
        assertEquals(s.stream().map(f -> u16(f, 14 + 40 + 4)).toList(), List.of(18, 18, 13), "UDP Length = 8 + payload");
    }

    /** The fallback's seeded segments, finished by the checksum engine, are the finished segments. */
    @Test
    public void seededSegmentsFinishedByTheChecksumEngineAreTheFinishedOnes() {
        byte[] template = GsoTemplates.template(ipv4Tcp().flags(ACK | PSH), payload(100), Flavor.LSO_V2);
        Segments seeded = (Segments) GsoSegmenter.segment(template, LargeSend.lsoV2(30), ANY, Checksums.SEEDED);
        TxChecksum both = new TxChecksum(TxChecksumAction.REQUIRED, TxChecksumAction.REQUIRED);
        List<byte[]> finished = seeded.frames().stream()
                .map(f -> TxChecksumEngine.apply(f, FrameParser.parse(f).layout(), both)).toList();
        assertEquals(hex(finished), hex(segments(template, LargeSend.lsoV2(30))));
        assertTrue(seeded.frames().stream().allMatch(f -> u16(f, 14 + 10) == 0), "the IPv4 header checksum is left to the checksum path");
    }

    @Test
    public void theTemplateIsLeftAsItWas() {
        byte[] template = GsoTemplates.template(ipv4Tcp().flags(ACK | FIN), payload(100), Flavor.LSO_V2);
        byte[] before = template.clone();
        segments(template, LargeSend.lsoV2(7));
        assertEquals(template, before);
    }

    // ---------------------------------------------------------------- what must be failed

    private static final byte[] V2_100 = GsoTemplates.template(ipv4Tcp(), payload(100), Flavor.LSO_V2);

    @DataProvider
    public Object[][] refusals() {
        byte[] v1TotalLengthZero = V2_100;
        byte[] v1BeyondBuffer = GsoTemplates.template(ipv4Tcp(), payload(100), Flavor.LSO_V1);
        Bytes.put16(v1BeyondBuffer, 14 + 2, 20 + 20 + 101);
        byte[] dataOffsetBeyond = V2_100.clone();
        dataOffsetBeyond[14 + 20 + 12] = (byte) 0xF0;
        dataOffsetBeyond = Arrays.copyOf(dataOffsetBeyond, 14 + 20 + 50);
        byte[] ihlBeyond = Arrays.copyOf(V2_100, 14 + 30);
        ihlBeyond[14] = 0x4F;
        byte[] udp = GsoTemplates.template(ipv6Udp(), payload(100), Flavor.USO);
        byte[] ipv6Tcp = GsoTemplates.template(FrameBuilder.ethernet(MAC_B, MAC_A).ipv6(V6A, V6B).tcp(1, 2), payload(100), Flavor.LSO_V2);
        Bytes.put16(ipv6Tcp, 14 + 4, 20 + 100); // its full length, as an LSOv1 template would carry it
        byte[] empty = GsoTemplates.template(ipv4Tcp(), new byte[0], Flavor.LSO_V2);
        byte[] big = GsoTemplates.template(ipv4Tcp(), payload(70000), Flavor.LSO_V2);
        return new Object[][] {
                {"MSS 0", V2_100, LargeSend.lsoV2(0), ANY, Reason.MSS_ZERO},
                {"MSS beyond its 20 bits", V2_100, LargeSend.lsoV2(GsoRequest.MAX_MSS + 1), ANY, Reason.MSS_TOO_LARGE},
                {"a segment beyond the IPv4 Total Length", big, LargeSend.lsoV2(65536), ANY, Reason.MSS_TOO_LARGE},
                {"one byte over MaximumOffloadSize", V2_100, LargeSend.lsoV2(10), new Limits(99, 1, true), Reason.OVER_MAXIMUM_OFFLOAD_SIZE},
                {"fewer segments than MinimumSegmentCount", V2_100, LargeSend.lsoV2(100), new Limits(0, 2, true), Reason.FEWER_THAN_MINIMUM_SEGMENTS},
                {"no user bytes at all", empty, LargeSend.lsoV2(100), ANY, Reason.FEWER_THAN_MINIMUM_SEGMENTS},
                {"USO with a short last datagram, unsupported", udp, LargeSend.uso(30), new Limits(0, 1, false), Reason.SUB_MSS_FINAL_SEGMENT_UNSUPPORTED},
                {"LSOv1 with Total Length 0", v1TotalLengthZero, LargeSend.lsoV1(10), ANY, Reason.MALFORMED_TEMPLATE},
                {"LSOv1 Total Length one past the buffer", v1BeyondBuffer, LargeSend.lsoV1(10), ANY, Reason.MALFORMED_TEMPLATE},
                {"TCP Data Offset past the buffer", dataOffsetBeyond, LargeSend.lsoV2(10), ANY, Reason.MALFORMED_TEMPLATE},
                {"IHL past the buffer", ihlBeyond, LargeSend.lsoV2(10), ANY, Reason.MALFORMED_TEMPLATE},
                {"LSO of a UDP template", udp, LargeSend.lsoV2(10), ANY, Reason.NOT_A_LARGE_SEND},
                {"USO of a TCP template", V2_100, LargeSend.uso(10), ANY, Reason.NOT_A_LARGE_SEND},
                {"LSOv1 over IPv6", ipv6Tcp, LargeSend.lsoV1(10), ANY, Reason.NOT_A_LARGE_SEND},
        };
    }

    @Test(dataProvider = "refusals")
    public void refused(String name, byte[] template, LargeSend send, Limits limits, Reason expected) {
        assertEquals(refusal(template, send, limits), expected, name);
    }

    @Test
    public void theLimitsThemselvesAreWithin() {
        Limits limits = new Limits(100, 10, false);
        assertEquals(((Segments) GsoSegmenter.segment(V2_100, LargeSend.lsoV2(10), limits, Checksums.FINISHED)).frames().size(), 10);
        byte[] udp = GsoTemplates.template(ipv6Udp(), payload(100), Flavor.USO);
        assertEquals(((Segments) GsoSegmenter.segment(udp, LargeSend.uso(10), limits, Checksums.FINISHED)).frames().size(), 10);
    }

    /** Whatever the bytes, a result and never an exception: templates with bytes flipped at random. */
    @Test
    public void neverThrows() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        byte[][] bases = {V2_100, GsoTemplates.template(ipv6Udp(), payload(100), Flavor.USO),
                GsoTemplates.template(ipv4Tcp(), payload(100), Flavor.LSO_V1)};
        IntStream.range(0, 20_000).forEach(n -> {
            byte[] t = bases[n % bases.length].clone();
            for (int k = random.nextInt(1, 4); k > 0; k--) {
                t[random.nextInt(14, 14 + 64)] = (byte) random.nextInt(256);
            }
            byte[] cut = Arrays.copyOf(t, random.nextInt(t.length + 1));
            Flavor flavor = Flavor.values()[random.nextInt(3)];
            GsoSegmenter.segment(cut, new LargeSend(flavor, random.nextInt(-2, 200)), ANY, Checksums.FINISHED);
        });
    }

    /** The layout a template is read with: its own length for LSOv1, the buffer's for the others. */
    @Test
    public void templatesAreReadAsTheirFlavourSays() {
        FrameLayout v2 = GsoSegmenter.parseTemplate(V2_100, Flavor.LSO_V2).layout();
        assertEquals(v2.payloadLength(), 100);
        assertTrue(FrameParser.parse(V2_100).isMalformed(), "a Total Length of 0 stays malformed for the strict parse");
    }
}
