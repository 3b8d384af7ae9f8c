package org.offloadkit.linux;

import static org.offloadkit.linux.LinkFrames.headersOf;
import static org.offloadkit.linux.LinkFrames.ipv4Id;
import static org.offloadkit.linux.LinkFrames.ipv4TotalLength;
import static org.offloadkit.linux.LinkFrames.ipv6PayloadLength;
import static org.offloadkit.linux.LinkFrames.joinedPayloads;
import static org.offloadkit.linux.LinkFrames.layout;
import static org.offloadkit.linux.LinkFrames.payload;
import static org.offloadkit.linux.LinkFrames.tcpFlags;
import static org.offloadkit.linux.LinkFrames.tcpSeq;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.packet.TcpFlags;
import org.testng.annotations.Test;

/**
 * What the kernel's GRO makes of segments that arrive together on a veth device: which merge, what the
 * merged frame looks like, and what its virtio-net header says. The segments are built by hand; each test
 * says which units it expects and why.
 */
public class KernelCoalescingTest extends OnKernelLink {
    private static final int MSS = 1000;
    private static final long SEQ = 5000;
    private static final int FIRST_ID = 100;

    /**
     * Five in-order, same-size segments become one frame: the first segment's headers with the IPv4 Total
     * Length (and header checksum) of the whole, the payloads joined, and a header saying TCPV4 with
     * gso_size 1000. The TCP checksum is left for the receiver to complete: NEEDS_CSUM from the TCP header,
     * the field holding the pseudo-header sum.
     */
    @Test
    public void inOrderSegmentsOfOneSizeBecomeOneFrame() {
        List<byte[]> segments = build(5, KernelCoalescingTest::segment);

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertEquals(units.size(), 1, units.toString());
        VnetFrame unit = units.get(0);
        assertEquals(unit.header().gsoType(), VirtioNetHdr.GSO_TCPV4);
        assertEquals(unit.header().gsoSize(), MSS);
        assertTrue(unit.header().needsCsum());
        assertEquals(unit.header().csumStart(), 14 + 20);
        assertEquals(unit.header().csumOffset(), 16);
        assertEquals(unit.segments(), 5);
        byte[] frame = unit.frame();
        assertEquals(frame.length, 14 + 20 + 20 + 5 * MSS);
        assertEquals(ipv4TotalLength(frame), 20 + 20 + 5 * MSS);
        assertEquals(ipv4Id(frame), FIRST_ID);
        assertTrue(FrameChecksums.ipv4HeaderVerifies(frame, layout(frame)));
        assertEquals(joinedPayloads(List.of(frame)), joinedPayloads(segments));
        assertPseudoHeaderSumInChecksumField(frame);
        byte[] expectedHeaders = headersOf(segments.get(0));
        byte[] headers = headersOf(frame);
        // Outside Total Length, header checksum and TCP checksum, the headers are the first segment's.
        for (int offset : new int[] {16, 17, 24, 25, 50, 51}) {
            expectedHeaders[offset] = headers[offset] = 0;
        }
        assertEquals(headers, expectedHeaders);
    }

    @Test
    public void ipv6SegmentsBecomeOneTcpv6Frame() {
        List<byte[]> segments = build(5, i -> LinkFrames.tcp6().flowLabel(0xABCDE).seq(SEQ + (long) MSS * i).payload(payload(MSS * i, MSS)));

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertEquals(units.size(), 1, units.toString());
        VnetFrame unit = units.get(0);
        assertEquals(unit.header().gsoType(), VirtioNetHdr.GSO_TCPV6);
        assertEquals(unit.header().gsoSize(), MSS);
        assertEquals(unit.header().csumStart(), 14 + 40);
        assertEquals(ipv6PayloadLength(unit.frame()), 20 + 5 * MSS);
        assertEquals(joinedPayloads(List.of(unit.frame())), joinedPayloads(segments));
        assertPseudoHeaderSumInChecksumField(unit.frame());
    }

    /** A segment with PSH ends its unit, and carries PSH into it; the next segment starts a new one. */
    @Test
    public void pshEndsTheUnit() {
        List<byte[]> segments = build(5, i -> segment(i).flags(i == 2 ? TcpFlags.ACK | TcpFlags.PSH : TcpFlags.ACK));

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertUnits(units, segments, List.of(3, 2), List.of(0, 3));
        assertEquals(tcpFlags(units.get(0).frame()), TcpFlags.ACK | TcpFlags.PSH);
        assertEquals(tcpFlags(units.get(1).frame()), TcpFlags.ACK);
    }

    /** A gap in the sequence numbers (segment 3 sent 1000 bytes late) splits at the gap. */
    @Test
    public void aSequenceGapSplits() {
        List<byte[]> segments = build(5, i -> segment(i).seq(SEQ + (long) MSS * i + (i >= 3 ? MSS : 0)));

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertUnits(units, segments, List.of(3, 2), List.of(0, 3));
        assertEquals(tcpSeq(units.get(1).frame()), SEQ + 4L * MSS);
    }

    /** Segments out of order are not put back in order: 0 1 3 2 4 gives [0 1], then 3, 2 and 4 alone. */
    @Test
    public void segmentsOutOfOrderAreNotReordered() {
        List<byte[]> inOrder = build(5, KernelCoalescingTest::segment);
        List<byte[]> shuffled = List.of(inOrder.get(0), inOrder.get(1), inOrder.get(3), inOrder.get(2), inOrder.get(4));

        List<VnetFrame> units = link.coalesce(List.of(shuffled));

        assertEquals(units.stream().map(VnetFrame::segments).toList(), List.of(2, 1, 1, 1));
        assertEquals(units.stream().map(unit -> tcpSeq(unit.frame())).toList(),
                List.of(SEQ, SEQ + 3L * MSS, SEQ + 2L * MSS, SEQ + 4L * MSS));
    }

    /** A shorter segment ends its unit (it could only have been the last of a send). */
    @Test
    public void aShortSegmentEndsTheUnit() {
        List<byte[]> segments = build(5, i -> segment(i).seq(SEQ + (long) MSS * i - (i > 2 ? MSS / 2 : 0))
                .payload(payload(MSS * i, i == 2 ? MSS / 2 : MSS)));

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertUnits(units, segments, List.of(3, 2), List.of(0, 3));
        assertEquals(layout(units.get(0).frame()).payloadLength(), 2 * MSS + MSS / 2);
        assertEquals(units.get(0).header().gsoSize(), MSS);
    }

    /** The IP ID must count up by one: a segment whose ID jumps is not merged, nor is the next one onto it. */
    @Test
    public void anIpIdThatDoesNotCountUpSplits() {
        List<byte[]> segments = build(5, i -> segment(i).ipId(i == 3 ? 999 : FIRST_ID + i));

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertUnits(units, segments, List.of(3, 1, 1), List.of(0, 3, 4));
        assertEquals(ipv4Id(units.get(1).frame()), 999);
    }

    /** The same IP ID on every segment merges too, with DF and, on this kernel, without it. */
    @Test
    public void aFixedIpIdMerges() {
        for (boolean dontFragment : new boolean[] {true, false}) {
            List<byte[]> segments = build(5, i -> segment(i).ipId(7).fragment(dontFragment, false, 0));

            List<VnetFrame> units = link.coalesce(List.of(segments));

            assertUnits(units, segments, List.of(5), List.of(0));
            assertEquals(ipv4Id(units.get(0).frame()), 7, "DF " + dontFragment);
        }
    }

    /** TCP options must match byte for byte: a new TSval starts a new unit. */
    @Test
    public void aChangedTimestampSplits() {
        List<byte[]> segments = build(5, i -> segment(i).tcpOptions(timestamps(i < 3 ? 1 : 2)));

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertUnits(units, segments, List.of(3, 2), List.of(0, 3));
        assertEquals(layout(units.get(0).frame()).layer4Length(), 32);
    }

    @Test
    public void aChangedAcknowledgmentNumberSplits() {
        List<byte[]> segments = build(5, i -> segment(i).ack(i < 3 ? 77 : 78));

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertUnits(units, segments, List.of(3, 2), List.of(0, 3));
    }

    /** A segment with CWR is never merged: it goes up alone, and the segments after it start a unit. */
    @Test
    public void aCwrSegmentGoesUpAlone() {
        List<byte[]> segments = build(5, i -> segment(i).flags(i == 0 || i == 3 ? TcpFlags.ACK | TcpFlags.CWR : TcpFlags.ACK));

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertUnits(units, segments, List.of(1, 2, 1, 1), List.of(0, 1, 3, 4));
        assertFalse(units.get(0).header().isGso());
        assertEquals(tcpFlags(units.get(0).frame()), TcpFlags.ACK | TcpFlags.CWR);
    }

    /**
     * GRO checks every TCP checksum: a segment whose checksum is wrong goes up alone, without DATA_VALID,
     * and ahead of the unit held before it, which is flushed only when the next segment does not fit.
     */
    @Test
    public void aBadChecksumGoesUpAloneAndFirst() {
        List<byte[]> segments = build(5, KernelCoalescingTest::segment);
        segments.get(2)[50] ^= 0x01;

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertUnits(units, segments, List.of(1, 2, 2), List.of(2, 0, 3));
        assertFalse(units.get(0).header().dataValid());
        assertFalse(FrameChecksums.transportVerifies(units.get(0).frame(), layout(units.get(0).frame())));
    }

    /** A segment that merges with nothing goes up as it came, not GSO, its checksum checked: DATA_VALID. */
    @Test
    public void aLoneSegmentComesUpCheckedAndUnchanged() {
        byte[] segment = segment(0).build();

        List<VnetFrame> units = link.coalesce(List.of(List.of(segment)));

        assertEquals(units.size(), 1);
        assertEquals(units.get(0).frame(), segment);
        assertFalse(units.get(0).header().isGso());
        assertTrue(units.get(0).header().dataValid());
    }

    /** Segments without payload (pure ACKs) are not coalesced; nor is UDP, with UDP GRO forwarding off. */
    @Test
    public void pureAcksAndUdpAreNotCoalesced() {
        List<byte[]> acks = build(3, i -> segment(i).seq(SEQ).ack(77 + i).payload(new byte[0]));
        List<byte[]> datagrams = IntStream.range(0, 3).mapToObj(i -> LinkFrames.udp4().ipId(FIRST_ID + i)
                .payload(payload(MSS * i, MSS)).build()).toList();

        List<VnetFrame> units = link.coalesce(List.of(acks, datagrams));

        assertEquals(units.size(), 6);
        for (int i = 0; i < 6; i++) {
            assertEquals(units.get(i).frame(), i < 3 ? acks.get(i) : datagrams.get(i - 3));
            assertFalse(units.get(i).header().isGso());
        }
    }

    /** A unit stops short of 64 KiB: 60 segments of 1448 make 45 (65,160 bytes of payload) and 15. */
    @Test
    public void aUnitStopsShortOf64KiB() {
        List<byte[]> segments = build(60, i -> segment(i).seq(SEQ + 1448L * i).payload(payload(1448 * i, 1448)));

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertUnits(units, segments, List.of(45, 15), List.of(0, 45));
        assertEquals(ipv4TotalLength(units.get(0).frame()), 20 + 20 + 45 * 1448);
    }

    /** Two flows interleaved segment by segment each coalesce on their own. */
    @Test
    public void interleavedFlowsCoalesceSeparately() {
        List<byte[]> segments = build(6, i -> segment(i / 2).tcp(LinkFrames.SOURCE_PORT + i % 2, LinkFrames.DESTINATION_PORT));

        List<VnetFrame> units = link.coalesce(List.of(segments));

        assertEquals(units.size(), 2, units.toString());
        for (VnetFrame unit : units) {
            assertEquals(unit.segments(), 3);
        }
        assertEquals(units.stream().map(unit -> Bytes.u16(unit.frame(), 34)).sorted().toList(),
                List.of(LinkFrames.SOURCE_PORT, LinkFrames.SOURCE_PORT + 1));
    }

    /** Batches are delivered one by one, so segments that would merge do not when sent in two batches. */
    @Test
    public void separateBatchesStaySeparate() {
        List<byte[]> segments = build(5, KernelCoalescingTest::segment);

        List<VnetFrame> units = link.coalesce(List.of(segments.subList(0, 3), segments.subList(3, 5)));

        assertUnits(units, segments, List.of(3, 2), List.of(0, 3));
    }

    /** The harness's batching holds: the same batch twenty times over coalesces the same way every time. */
    @Test
    public void coalescingIsRepeatable() {
        List<byte[]> segments = build(8, KernelCoalescingTest::segment);

        List<VnetFrame> units = link.coalesce(Collections.nCopies(20, segments));

        assertEquals(units.stream().map(VnetFrame::segments).toList(), Collections.nCopies(20, 8));
    }

    /** veth takes its NAPI path, and so GRO, only for frames from a peer without TSO: with TSO, nothing merges. */
    @Test
    public void aSenderWithTsoBypassesGro() {
        List<byte[]> segments = build(5, KernelCoalescingTest::segment);
        NetDevice sender = link.coalescing().first();
        sender.setFeatures(Map.of("tx-checksumming", true, "tcp-segmentation-offload", true));
        try {
            List<VnetFrame> units = link.coalesce(List.of(segments));

            assertUnits(units, segments, List.of(1, 1, 1, 1, 1), List.of(0, 1, 2, 3, 4));
            assertFalse(units.get(0).header().dataValid(), "not checked by GRO");
        } finally {
            sender.setFeatures(Map.of("tx-checksumming", false, "tcp-segmentation-offload", false));
        }
    }

    /** Segment i of an in-order IPv4 flow: MSS bytes of payload, sequence number and IP ID counting up. */
    private static FrameBuilder segment(int i) {
        return LinkFrames.tcp4().ipId(FIRST_ID + i).seq(SEQ + (long) MSS * i).ack(77).payload(payload(MSS * i, MSS));
    }

    private static List<byte[]> build(int count, IntFunction<FrameBuilder> segment) {
        return IntStream.range(0, count).mapToObj(i -> segment.apply(i).build())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static byte[] timestamps(int tsval) {
        return new byte[] {1, 1, 8, 10, 0, 0, 0, (byte) tsval, 0, 0, 0, 1};
    }

    /** Units by their segment counts, and by which of the segments sent (its index) each starts with. */
    private static void assertUnits(List<VnetFrame> units, List<byte[]> sent, List<Integer> segments, List<Integer> firstSegments) {
        assertEquals(units.stream().map(VnetFrame::segments).toList(), segments, units.toString());
        List<Long> sentSeqs = sent.stream().map(LinkFrames::tcpSeq).toList();
        assertEquals(units.stream().map(unit -> sentSeqs.indexOf(tcpSeq(unit.frame()))).toList(), firstSegments);
    }

    /** NEEDS_CSUM: the field holds the pseudo-header sum over the unit's TCP length, for the receiver to complete. */
    private static void assertPseudoHeaderSumInChecksumField(byte[] frame) {
        FrameLayout layout = layout(frame);
        assertEquals(Bytes.u16(frame, layout.transportChecksumOffset()),
                InternetChecksum.pseudoHeaderSum(frame, layout, layout.transportLength()));
    }
}
