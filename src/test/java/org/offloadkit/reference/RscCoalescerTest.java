package org.offloadkit.reference;

import static org.offloadkit.packet.Bytes.u16;
import static org.offloadkit.packet.Bytes.u32;
import static org.offloadkit.packet.Bytes.u8;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.packet.TcpStream;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscChecksumFinalization;
import org.offloadkit.spec.RscInfo;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.testng.annotations.Test;

/**
 * The reference coalescer against hand-worked batches: every expected number below is worked out from the
 * spec's rules in the comment beside it, never read back from the engine.
 */
public class RscCoalescerTest {
    private static final RscOffload ALL = new RscOffload(Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS),
            Set.of(Layer4Flag.TCP_NO_OPTIONS), true);
    private static final RscSettings NDIS = RscSettings.ndis(ALL, RxChecksumOffload.ALL);
    private static final RscSettings LINUX = NDIS.withProfile(RscProfile.LINUX_GRO);

    private static final byte[] MAC_A = {2, 0, 0, 0, 0, 1};
    private static final byte[] MAC_B = {2, 0, 0, 0, 0, 2};

    /** 10.0.0.1:port > 10.0.0.2:443, ACK 5000, window 1000, TTL 64, first IP ID 100. */
    private static TcpStream ipv4(int port) {
        return TcpStream.ipv4(MAC_B, MAC_A, new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}, port, 443)
                .ack(5000).window(1000).ipId(100);
    }

    private static TcpStream ipv6(int port) {
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        a[0] = b[0] = 0x20;
        a[1] = b[1] = 0x01;
        a[15] = 1;
        b[15] = 2;
        return TcpStream.ipv6(MAC_B, MAC_A, a, b, port, 443).ack(5000).window(1000);
    }

    private static List<RscUnit> ndis(byte[]... frames) {
        return RscCoalescer.coalesce(List.of(frames), NDIS);
    }

    private static List<List<Integer>> grouping(List<RscUnit> units) {
        return units.stream().map(RscUnit::segments).toList();
    }

    private static FrameLayout layout(RscUnit unit) {
        return unit.indication().layout();
    }

    @Test
    public void sameSizeSegmentsInOrderBecomeOneUnit() {
        TcpStream f = ipv4(40000);
        List<RscUnit> units = ndis(f.data(1000, 100), f.data(1100, 100), f.data(1200, 100));
        assertEquals(grouping(units), List.of(List.of(0, 1, 2)));
        RxIndication unit = units.get(0).indication();
        FrameLayout l = layout(units.get(0));
        assertEquals(u16(unit.frame(), l.layer3Offset() + 2), 20 + 20 + 300, "Total Length: 20 IP + 20 TCP + 3 x 100");
        assertEquals(u32(unit.frame(), l.layer4Offset() + 4), 1000L, "the first segment's sequence number");
        assertEquals(u16(unit.frame(), l.layer3Offset() + 4), 100, "the first segment's IP ID (100, 101, 102 arrived)");
        assertEquals(unit.rsc(), new RscInfo(3, 0, 0));
        assertTrue(FrameChecksums.ipv4HeaderVerifies(unit.frame(), l));
        assertTrue(FrameChecksums.transportVerifies(unit.frame(), l));
        assertEquals(unit.checksum().layer3(), RxChecksumEvaluation.VALID);
        assertEquals(unit.checksum().layer4(), RxChecksumEvaluation.VALID);
        assertFalse(unit.checksum().valuesInvalid());
    }

    @Test
    public void theUnitCarriesEveryPayloadByteInOrder() {
        TcpStream f = ipv4(40000);
        byte[][] segments = {f.data(7, 3), f.data(10, 5), f.data(15, 1)}; // odd lengths: the checksum halves swap
        RxIndication unit = ndis(segments).get(0).indication();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (long b = 7; b < 16; b++) {
            payload.write((int) b);
        }
        FrameLayout l = unit.layout();
        assertEquals(java.util.Arrays.copyOfRange(unit.frame(), l.payloadOffset(), unit.frame().length), payload.toByteArray());
        assertTrue(FrameChecksums.transportVerifies(unit.frame(), l), "TCP checksum over a payload of odd pieces");
    }

    @Test
    public void ethernetPaddingStaysOutOfTheUnit() {
        TcpStream f = ipv4(40000);
        byte[] a = java.util.Arrays.copyOf(f.data(7, 1), 60); // padded to the Ethernet minimum, as wires carry them
        byte[] b = java.util.Arrays.copyOf(f.data(8, 1), 60);
        RxIndication unit = ndis(a, b).get(0).indication();
        assertEquals(unit.frame().length, 14 + 20 + 20 + 2, "headers and the two payload bytes, no padding");
        assertEquals(unit.frame()[unit.frame().length - 2], 7);
        assertEquals(unit.frame()[unit.frame().length - 1], 8);
        assertTrue(FrameChecksums.transportVerifies(unit.frame(), unit.layout()));
    }

    @Test
    public void pushIsOredAndTtlIsTheMinimum() {
        TcpStream f = ipv4(40000);
        byte[] a = f.data(1000, 10);
        f.ttl(60);
        byte[] b = f.segment(1010, 10, TcpFlags.ACK | TcpFlags.PSH).build();
        f.ttl(62);
        byte[] c = f.data(1020, 10);
        RxIndication unit = ndis(a, b, c).get(0).indication();
        assertEquals(u8(unit.frame(), unit.layout().layer4Offset() + 13), 0x18, "ACK, and PSH from the middle segment");
        assertEquals(u8(unit.frame(), unit.layout().layer3Offset() + 8), 60, "TTLs 64, 60, 62: the minimum");
    }

    @Test
    public void theUnitCarriesTheLastAckAndWindow() {
        TcpStream f = ipv4(40000);
        byte[] a = f.data(1000, 10);
        f.ack(6000);
        f.window(2000);
        byte[] b = f.data(1010, 10); // a piggy-backed ACK: SEG.ACK > H.ACK is appended
        RxIndication unit = ndis(a, b).get(0).indication();
        assertEquals(u32(unit.frame(), unit.layout().layer4Offset() + 8), 6000L);
        assertEquals(u16(unit.frame(), unit.layout().layer4Offset() + 14), 2000);
    }

    @Test
    public void aSynEndsTheUnitAndIsIndicatedAlone() {
        TcpStream f = ipv4(40000);
        List<RscUnit> units = ndis(f.data(1000, 10), f.data(1010, 10), f.segment(1020, 10, TcpFlags.ACK | TcpFlags.SYN).build(),
                f.data(1030, 10), f.data(1040, 10));
        assertEquals(grouping(units), List.of(List.of(0, 1), List.of(2), List.of(3, 4)));
        assertEquals(units.get(1).indication().rsc(), RscInfo.NONE, "a frame indicated as it arrived counts 0");
    }

    @Test
    public void ecnChangeStartsTheNextUnitWithTheChangedSegment() {
        TcpStream f = ipv4(40000);
        f.tos(0x02); // ECT(0)
        byte[] a = f.data(1000, 10);
        byte[] b = f.data(1010, 10);
        f.tos(0x03); // CE
        byte[] c = f.data(1020, 10);
        byte[] d = f.data(1030, 10);
        assertEquals(grouping(ndis(a, b, c, d)), List.of(List.of(0, 1), List.of(2, 3)));
    }

    @Test
    public void aSequenceGapStartsANewUnit() {
        TcpStream f = ipv4(40000);
        assertEquals(grouping(ndis(f.data(1000, 10), f.data(1010, 10), f.data(1030, 10), f.data(1040, 10))),
                List.of(List.of(0, 1), List.of(2, 3)));
    }

    @Test
    public void windowUpdatesFoldInWithoutCounting() {
        TcpStream f = ipv4(40000);
        byte[] a = f.data(1000, 10);
        byte[] b = f.data(1010, 10);
        f.window(65535);
        byte[] update = f.pureAck(1020); // SEG.NXT == H.NXT, same ACK, new window
        List<RscUnit> units = ndis(a, b, update);
        assertEquals(grouping(units), List.of(List.of(0, 1, 2)));
        RxIndication unit = units.get(0).indication();
        assertEquals(unit.rsc().coalescedSegmentCount(), 2, "two data segments; the window update is not counted");
        assertEquals(u16(unit.frame(), unit.layout().layer4Offset() + 14), 65535);
        assertTrue(FrameChecksums.transportVerifies(unit.frame(), unit.layout()));
    }

    @Test
    public void aPureAckThatIsNeitherUpdateNorDuplicateIsIndicatedOnItsOwn() {
        TcpStream f = ipv4(40000);
        byte[] a = f.data(1000, 10);
        f.ack(9000);
        byte[] cumulative = f.pureAck(1010);
        byte[] c = f.data(1010, 10);
        List<RscUnit> units = ndis(a, cumulative, c);
        assertEquals(grouping(units), List.of(List.of(0), List.of(1), List.of(2)));
        assertTrue(units.stream().allMatch(u -> u.indication().rsc().equals(RscInfo.NONE)));
    }

    @Test
    public void duplicateAcksAfterDataStartAUnitThatCountsOneLess() {
        TcpStream f = ipv4(40000);
        List<RscUnit> units = ndis(f.data(1000, 10), f.pureAck(1010), f.pureAck(1010), f.pureAck(1010));
        assertEquals(grouping(units), List.of(List.of(0), List.of(1, 2, 3)));
        assertEquals(units.get(1).indication().rsc(), new RscInfo(0, 2, 0), "three duplicates reported as 3 - 1");
    }

    @Test
    public void duplicateAcksAfterAPureCumulativeAckCountInFull() {
        TcpStream f = ipv4(40000);
        byte[] a = f.data(1000, 10);
        f.ack(9000);
        List<RscUnit> units = ndis(a, f.pureAck(1010), f.pureAck(1010), f.pureAck(1010));
        assertEquals(grouping(units), List.of(List.of(0), List.of(1, 2, 3)));
        assertEquals(units.get(1).indication().rsc().duplicateAckCount(), 2, "the cumulative ACK, then two duplicates");
    }

    @Test
    public void aUnitOfPureAcksIsEvaluatedAsAPlainSegment() {
        TcpStream f = ipv4(40000);
        RxIndication acks = RscCoalescer.coalesce(List.of(f.pureAck(1010), f.pureAck(1010)),
                RscSettings.ndis(ALL, RxChecksumOffload.NONE)).get(0).indication();
        assertEquals(acks.rsc(), new RscInfo(0, 1, 0));
        assertEquals(acks.checksum().layer4(), RxChecksumEvaluation.NOT_CHECKED,
                "no data coalesced: NDIS reads it as a plain segment, and Rx checksum is off");
    }

    @Test
    public void theDuplicateAckExemptionIndicatesEachOnItsOwn() {
        TcpStream f = ipv4(40000);
        List<RscUnit> units = RscCoalescer.coalesce(List.of(f.data(1000, 10), f.pureAck(1010), f.pureAck(1010)),
                NDIS.withDuplicateAckExemption());
        assertEquals(grouping(units), List.of(List.of(0), List.of(1), List.of(2)));
    }

    @Test
    public void theUnitStopsShortOfTheLargestDatagram() {
        TcpStream f = ipv4(40000);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 47; i++) {
            frames.add(f.data(1000 + 1448L * i, 1448));
        }
        List<RscUnit> units = RscCoalescer.coalesce(frames, NDIS);
        // 65535 - 20 - 20 = 65495 payload bytes at most: 45 x 1448 = 65160 fit, a 46th (66608) does not.
        assertEquals(units.get(0).segments().size(), 45);
        assertEquals(u16(units.get(0).indication().frame(), 14 + 2), 40 + 45 * 1448);
        assertEquals(units.get(1).segments(), List.of(45, 46));
    }

    @Test
    public void timestampsCarryTheLatestAndTheDeltaAndARegressionEndsTheUnit() {
        TcpStream f = ipv4(40000);
        byte[] a = f.segment(1000, 10, TcpFlags.ACK).tcpOptions(TcpStream.timestampOption(100, 7)).build();
        byte[] b = f.segment(1010, 10, TcpFlags.ACK).tcpOptions(TcpStream.timestampOption(100, 7)).build();
        byte[] c = f.segment(1020, 10, TcpFlags.ACK).tcpOptions(TcpStream.timestampOption(105, 8)).build();
        byte[] d = f.segment(1030, 10, TcpFlags.ACK).tcpOptions(TcpStream.timestampOption(103, 8)).build();
        List<RscUnit> units = ndis(a, b, c, d);
        assertEquals(grouping(units), List.of(List.of(0, 1, 2), List.of(3)));
        RxIndication unit = units.get(0).indication();
        int tsval = unit.layout().layer4Offset() + 20 + 4; // NOP NOP kind length
        assertEquals(u32(unit.frame(), tsval), 105L);
        assertEquals(u32(unit.frame(), tsval + 4), 8L);
        assertEquals(unit.rsc(), new RscInfo(3, 0, 5), "delta: latest 105 less earliest 100");
    }

    @Test
    public void timestampsWrapModulo2To32() {
        TcpStream f = ipv4(40000);
        byte[] a = f.segment(1000, 10, TcpFlags.ACK).tcpOptions(TcpStream.timestampOption(0xFFFFFFFEL, 1)).build();
        byte[] b = f.segment(1010, 10, TcpFlags.ACK).tcpOptions(TcpStream.timestampOption(3, 1)).build();
        assertEquals(ndis(a, b).get(0).indication().rsc(), new RscInfo(2, 0, 5), "0xFFFFFFFE + 5 = 3 modulo 2^32");
    }

    @Test
    public void timestampsAreAnExceptionWhenTheActiveSetLeavesThemOut() {
        TcpStream f = ipv4(40000);
        byte[] a = f.segment(1000, 10, TcpFlags.ACK).tcpOptions(TcpStream.timestampOption(100, 7)).build();
        byte[] b = f.segment(1010, 10, TcpFlags.ACK).tcpOptions(TcpStream.timestampOption(100, 7)).build();
        RscSettings noTimestamps = RscSettings.ndis(new RscOffload(ALL.layer3Flags(), ALL.layer4Flags(), false), RxChecksumOffload.ALL);
        assertEquals(grouping(RscCoalescer.coalesce(List.of(a, b), noTimestamps)), List.of(List.of(0), List.of(1)));
    }

    @Test
    public void flowsInterleavedCoalesceApart() {
        TcpStream x = ipv4(40000);
        TcpStream y = ipv6(40001);
        assertEquals(grouping(ndis(x.data(1, 10), y.data(500, 20), x.data(11, 10), y.data(520, 20))),
                List.of(List.of(0, 2), List.of(1, 3)));
    }

    @Test
    public void anIpv6UnitTakesTheMinimumHopLimitAndItsPayloadLength() {
        TcpStream f = ipv6(40000);
        byte[] a = f.data(1000, 100);
        f.ttl(3);
        byte[] b = f.data(1100, 100);
        RxIndication unit = ndis(a, b).get(0).indication();
        assertEquals(u16(unit.frame(), 14 + 4), 20 + 200, "Payload Length: TCP header and both payloads");
        assertEquals(u8(unit.frame(), 14 + 7), 3);
        assertEquals(u8(unit.frame(), 14 + 6), 6, "Next Header TCP");
        assertTrue(FrameChecksums.transportVerifies(unit.frame(), unit.layout()));
    }

    @Test
    public void aBadChecksumIsIndicatedAloneAndEndsTheUnit() {
        TcpStream f = ipv4(40000);
        byte[] bad = f.data(1010, 10);
        bad[bad.length - 1] ^= 1;
        List<RscUnit> units = ndis(f.data(1000, 10), bad, f.data(1020, 10), f.data(1030, 10));
        assertEquals(grouping(units), List.of(List.of(0), List.of(1), List.of(2, 3)));
        assertEquals(units.get(1).indication().checksum().layer4(), RxChecksumEvaluation.INVALID);
    }

    @Test
    public void nothingCoalescesForAnIpVersionTheActiveSetLeavesOut() {
        TcpStream f = ipv4(40000);
        RscSettings ipv6Only = RscSettings.ndis(new RscOffload(Set.of(Layer3Flag.IPV6_NO_EXTENSIONS), ALL.layer4Flags(), true),
                RxChecksumOffload.ALL);
        List<RscUnit> units = RscCoalescer.coalesce(List.of(f.data(1000, 10), f.data(1010, 10)), ipv6Only);
        assertEquals(grouping(units), List.of(List.of(0), List.of(1)));
    }

    @Test
    public void aFrameIndicatedAsItArrivedIsTheSameArray() {
        TcpStream f = ipv4(40000);
        byte[] lone = f.data(1000, 10);
        assertSame(ndis(lone).get(0).indication().frame(), lone, "no copy for a frame that is not changed");
    }

    @Test
    public void valueInvalidZeroesTheChecksumFieldsAndSaysSo() {
        TcpStream f = ipv4(40000);
        RxIndication unit = RscCoalescer.coalesce(List.of(f.data(1000, 10), f.data(1010, 10)),
                NDIS.withFinalization(RscChecksumFinalization.VALUE_INVALID)).get(0).indication();
        assertTrue(unit.checksum().valuesInvalid());
        assertEquals(u16(unit.frame(), unit.layout().transportChecksumOffset()), 0);
        assertEquals(u16(unit.frame(), unit.layout().ipv4ChecksumOffset()), 0);
        assertEquals(unit.checksum().layer4(), RxChecksumEvaluation.VALID, "TcpChecksumSucceeded is always set");
    }

    // ---------------------------------------------------------------- linux-gro

    @Test
    public void linuxMergesAPushSegmentAndThenFlushes() {
        TcpStream f = ipv4(40000);
        List<RscUnit> units = RscCoalescer.coalesce(List.of(f.data(1000, 10),
                f.segment(1010, 10, TcpFlags.ACK | TcpFlags.PSH).build(), f.data(1020, 10), f.data(1030, 10)), LINUX);
        assertEquals(grouping(units), List.of(List.of(0, 1), List.of(2, 3)));
    }

    @Test
    public void linuxNeedsTheSameAckWindowAndTtl() {
        TcpStream f = ipv4(40000);
        byte[] a = f.data(1000, 10);
        f.ack(6000);
        byte[] b = f.data(1010, 10);
        f.window(3000);
        byte[] c = f.data(1020, 10);
        f.ttl(9);
        byte[] d = f.data(1030, 10);
        byte[] e = f.data(1040, 10);
        assertEquals(grouping(RscCoalescer.coalesce(List.of(a, b, c, d, e), LINUX)),
                List.of(List.of(0), List.of(1), List.of(2), List.of(3, 4)));
    }

    @Test
    public void linuxTakesASmallerSegmentAsTheLast() {
        TcpStream f = ipv4(40000);
        assertEquals(grouping(RscCoalescer.coalesce(List.of(f.data(1000, 100), f.data(1100, 50), f.data(1150, 100)), LINUX)),
                List.of(List.of(0, 1), List.of(2)), "large then small closes the unit");
        assertEquals(grouping(RscCoalescer.coalesce(List.of(f.data(1000, 50), f.data(1050, 100)), LINUX)),
                List.of(List.of(0), List.of(1)), "a segment larger than the first is never appended");
    }

    @Test
    public void linuxLeavesTheTcpChecksumPartial() {
        TcpStream f = ipv4(40000);
        RxIndication unit = RscCoalescer.coalesce(List.of(f.data(1000, 10), f.data(1010, 10)), LINUX).get(0).indication();
        assertEquals(unit.rsc(), new RscInfo(2, 0, 0));
        assertFalse(FrameChecksums.transportVerifies(unit.frame(), unit.layout()));
        assertTrue(FrameChecksums.ipv4HeaderVerifies(unit.frame(), unit.layout()));
    }
}
