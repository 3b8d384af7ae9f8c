package org.offloadkit.linux;

import static org.offloadkit.linux.LinkFrames.dontFragment;
import static org.offloadkit.linux.LinkFrames.ipv4Id;
import static org.offloadkit.linux.LinkFrames.ipv4TotalLength;
import static org.offloadkit.linux.LinkFrames.ipv6PayloadLength;
import static org.offloadkit.linux.LinkFrames.joinedPayloads;
import static org.offloadkit.linux.LinkFrames.layout;
import static org.offloadkit.linux.LinkFrames.payload;
import static org.offloadkit.linux.LinkFrames.payloadOf;
import static org.offloadkit.linux.LinkFrames.tcp4;
import static org.offloadkit.linux.LinkFrames.tcp6;
import static org.offloadkit.linux.LinkFrames.tcpFlags;
import static org.offloadkit.linux.LinkFrames.tcpSeq;
import static org.offloadkit.linux.LinkFrames.udpLength;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.util.Arrays;
import java.util.List;

import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.testing.ChecksumStatus;
import org.offloadkit.testing.OracleVerdict;
import org.offloadkit.testing.Tshark;
import org.testng.annotations.Test;

/**
 * What the kernel's software segmentation puts on the wire for a GSO send through a packet socket, with
 * every expectation worked out by hand: segment sizes, sequence numbers, lengths, IP IDs, flags and
 * checksums (verified by FrameChecksums and by tshark).
 */
public class KernelSegmentationTest extends OnKernelLink {
    private static final int PAYLOAD = 10_000;
    private static final int IPV4_ID = 0x1234;

    /**
     * 10,000 bytes at MSS 1448: six full segments and 10,000 - 6 x 1448 = 1312 bytes in the seventh. CWR
     * goes on the first segment only, FIN and PSH on the last only; the IP ID counts up from the
     * original's; DF stays.
     */
    @Test
    public void tcpOverIpv4() {
        byte[] frame = tcp4().ipId(IPV4_ID).seq(1000).ack(77)
                .flags(TcpFlags.ACK | TcpFlags.PSH | TcpFlags.FIN | TcpFlags.CWR).payload(payload(PAYLOAD)).build();

        List<byte[]> segments = segment(frame, 1448);

        assertEquals(segments.size(), 7);
        assertPayloadSizes(segments, 1448, 1312);
        for (int i = 0; i < 7; i++) {
            byte[] segment = segments.get(i);
            assertEquals(tcpSeq(segment), 1000 + 1448L * i, "sequence number of segment " + i);
            assertEquals(ipv4TotalLength(segment), i < 6 ? 20 + 20 + 1448 : 20 + 20 + 1312, "Total Length of segment " + i);
            assertEquals(ipv4Id(segment), IPV4_ID + i, "IP ID of segment " + i);
            assertTrue(dontFragment(segment), "DF of segment " + i);
            int expectedFlags = i == 0 ? TcpFlags.ACK | TcpFlags.CWR
                    : i == 6 ? TcpFlags.ACK | TcpFlags.PSH | TcpFlags.FIN : TcpFlags.ACK;
            assertEquals(TcpFlags.names(tcpFlags(segment)), TcpFlags.names(expectedFlags), "flags of segment " + i);
        }
        assertEquals(joinedPayloads(segments), payloadOf(frame));
        assertChecksumsVerify(segments);
    }

    /** MSS 1440, as over a 1500-byte IPv6 path: 6 x 1440 and 1360. Every other IPv6 field is copied. */
    @Test
    public void tcpOverIpv6() {
        byte[] frame = tcp6().flowLabel(0x12345).tos(0x28).ttl(50).seq(0xFFFF_F000L)
                .flags(TcpFlags.ACK | TcpFlags.PSH).payload(payload(PAYLOAD)).build();

        List<byte[]> segments = segment(frame, 1440);

        assertEquals(segments.size(), 7);
        assertPayloadSizes(segments, 1440, 1360);
        for (int i = 0; i < 7; i++) {
            byte[] segment = segments.get(i);
            // The sequence number wraps past 2^32 in the fourth segment.
            assertEquals(tcpSeq(segment), (0xFFFF_F000L + 1440L * i) & 0xFFFF_FFFFL, "sequence number of segment " + i);
            assertEquals(ipv6PayloadLength(segment), i < 6 ? 20 + 1440 : 20 + 1360, "Payload Length of segment " + i);
            assertEquals(Arrays.copyOfRange(segment, 14, 18), Arrays.copyOfRange(frame, 14, 18), "version, class, flow label");
            assertEquals(Arrays.copyOfRange(segment, 20, 54), Arrays.copyOfRange(frame, 20, 54), "next header, hop limit, addresses");
            assertEquals(tcpFlags(segment), i == 6 ? TcpFlags.ACK | TcpFlags.PSH : TcpFlags.ACK, "flags of segment " + i);
        }
        assertEquals(joinedPayloads(segments), payloadOf(frame));
        assertChecksumsVerify(segments);
    }

    /** USO: 10,000 bytes at 1472 make 6 x 1472 and 1168, each a datagram of its own; IP IDs count up. */
    @Test
    public void udpOverIpv4() {
        byte[] frame = LinkFrames.udp4().ipId(IPV4_ID).payload(payload(PAYLOAD)).build();

        List<byte[]> segments = segment(frame, 1472);

        assertEquals(segments.size(), 7);
        assertPayloadSizes(segments, 1472, 1168);
        for (int i = 0; i < 7; i++) {
            byte[] segment = segments.get(i);
            assertEquals(udpLength(segment), i < 6 ? 8 + 1472 : 8 + 1168, "UDP Length of datagram " + i);
            assertEquals(ipv4TotalLength(segment), i < 6 ? 20 + 8 + 1472 : 20 + 8 + 1168, "Total Length of datagram " + i);
            assertEquals(ipv4Id(segment), IPV4_ID + i, "IP ID of datagram " + i);
        }
        assertEquals(joinedPayloads(segments), payloadOf(frame));
        assertChecksumsVerify(segments);
    }

    /** USO over IPv6 at 1452: 6 x 1452 and 1288. */
    @Test
    public void udpOverIpv6() {
        byte[] frame = LinkFrames.udp6().payload(payload(PAYLOAD)).build();

        List<byte[]> segments = segment(frame, 1452);

        assertEquals(segments.size(), 7);
        assertPayloadSizes(segments, 1452, 1288);
        for (int i = 0; i < 7; i++) {
            assertEquals(udpLength(segments.get(i)), i < 6 ? 8 + 1452 : 8 + 1288, "UDP Length of datagram " + i);
            assertEquals(ipv6PayloadLength(segments.get(i)), udpLength(segments.get(i)), "Payload Length of datagram " + i);
        }
        assertEquals(joinedPayloads(segments), payloadOf(frame));
        assertChecksumsVerify(segments);
    }

    /** A payload of exactly four MSS makes four full segments, no empty fifth. */
    @Test
    public void aWholeNumberOfSegmentsLeavesNoEmptyTail() {
        byte[] frame = tcp4().seq(1).flags(TcpFlags.ACK | TcpFlags.PSH).payload(payload(4 * 1448)).build();

        List<byte[]> segments = segment(frame, 1448);

        assertEquals(segments.size(), 4);
        assertPayloadSizes(segments, 1448, 1448);
        assertEquals(tcpFlags(segments.get(3)), TcpFlags.ACK | TcpFlags.PSH);
    }

    /** TCP options, timestamps here, are copied unchanged into every segment's header. */
    @Test
    public void tcpOptionsAreCopiedIntoEverySegment() {
        byte[] timestamps = {1, 1, 8, 10, 0, 0, 0x12, 0x34, 0, 0, 0x56, 0x78};
        byte[] frame = tcp4().ipId(IPV4_ID).seq(1000).tcpOptions(timestamps).payload(payload(5000)).build();

        List<byte[]> segments = segment(frame, 1436);

        assertEquals(segments.size(), 4); // 3 x 1436 + 692
        assertPayloadSizes(segments, 1436, 692);
        for (byte[] segment : segments) {
            FrameLayout layout = layout(segment);
            assertEquals(layout.layer4Length(), 32);
            assertEquals(Arrays.copyOfRange(segment, layout.layer4Offset() + 20, layout.payloadOffset()), timestamps);
        }
        assertChecksumsVerify(segments);
    }

    /** Without DF the IP ID still counts up: the kernel does not keep IDs fixed for a packet socket's GSO. */
    @Test
    public void withoutDontFragmentTheIpIdStillCountsUp() {
        byte[] frame = tcp4().ipId(0xFFFE).fragment(false, false, 0).seq(1).payload(payload(3 * 1448)).build();

        List<byte[]> segments = segment(frame, 1448);

        assertEquals(segments.stream().map(LinkFrames::ipv4Id).toList(), List.of(0xFFFE, 0xFFFF, 0x0000));
        assertFalse(dontFragment(segments.get(0)));
        assertChecksumsVerify(segments);
    }

    /**
     * NEEDS_CSUM completes the checksum from whatever the field holds: a frame carrying its full checksum
     * instead of the pseudo-header sum comes out with every segment's checksum wrong.
     */
    @Test
    public void theKernelCompletesTheChecksumFromTheSeedItIsGiven() {
        byte[] frame = tcp4().seq(1).payload(payload(3 * 1448)).build();

        List<byte[]> segments = link.segment(frame, VirtioNetHdr.segmentation(frame, 1448));

        assertEquals(segments.size(), 3);
        for (byte[] segment : segments) {
            assertFalse(FrameChecksums.transportVerifies(segment, layout(segment)));
        }
    }

    /** GSO without NEEDS_CSUM is accepted, and then the kernel works out the checksums itself, seed or not. */
    @Test
    public void gsoWithoutNeedsCsumGetsChecksumsComputedFromScratch() {
        byte[] frame = tcp4().seq(1).payload(payload(3 * 1448)).build();
        VirtioNetHdr gsoOnly = new VirtioNetHdr(0, VirtioNetHdr.GSO_TCPV4, 54, 1448, 0, 0);

        List<byte[]> segments = link.segment(frame, gsoOnly);

        assertEquals(segments.size(), 3);
        assertChecksumsVerify(segments);
    }

    /** NEEDS_CSUM alone: one frame, as sent, with its checksum completed. */
    @Test
    public void needsCsumWithoutGsoCompletesTheOneFrame() {
        byte[] frame = tcp4().seq(1).payload(payload(100)).build();
        byte[] seeded = VirtioNetHdr.withPseudoHeaderSum(frame);
        VirtioNetHdr checksumOnly = new VirtioNetHdr(VirtioNetHdr.F_NEEDS_CSUM, VirtioNetHdr.GSO_NONE, 0, 0, 34, 16);

        List<byte[]> sent = link.segment(seeded, checksumOnly);

        assertEquals(sent.size(), 1);
        assertEquals(sent.get(0), frame, "the frame with the checksum FrameBuilder computed");
    }

    /** A header that contradicts the frame is refused by the packet socket, with the kernel's errno. */
    @Test
    public void aTcpv6HeaderOnAnIpv4FrameIsRefused() {
        byte[] frame = VirtioNetHdr.withPseudoHeaderSum(tcp4().payload(payload(3 * 1448)).build());
        VirtioNetHdr wrongFamily = new VirtioNetHdr(VirtioNetHdr.F_NEEDS_CSUM, VirtioNetHdr.GSO_TCPV6, 54, 1448, 34, 16);

        IllegalStateException e = expectThrows(IllegalStateException.class, () -> link.segment(frame, wrongFamily));

        assertTrue(e.getMessage().contains("Invalid argument"), e.getMessage());
    }

    private List<byte[]> segment(byte[] frame, int mss) {
        return link.segment(VirtioNetHdr.withPseudoHeaderSum(frame), VirtioNetHdr.segmentation(frame, mss));
    }

    private static void assertPayloadSizes(List<byte[]> segments, int full, int last) {
        for (int i = 0; i < segments.size(); i++) {
            assertEquals(layout(segments.get(i)).payloadLength(), i < segments.size() - 1 ? full : last, "payload of segment " + i);
        }
    }

    /** Our own checksum code and Wireshark's both say every segment's checksums are good. */
    private static void assertChecksumsVerify(List<byte[]> segments) {
        List<OracleVerdict> verdicts = Tshark.checksums(segments);
        for (int i = 0; i < segments.size(); i++) {
            byte[] segment = segments.get(i);
            FrameLayout layout = layout(segment);
            if (layout.isIPv4()) {
                assertTrue(FrameChecksums.ipv4HeaderVerifies(segment, layout), "IPv4 header checksum of segment " + i);
                assertEquals(verdicts.get(i).ipv4Header(), ChecksumStatus.GOOD, "tshark on the IPv4 header of segment " + i);
            }
            assertTrue(FrameChecksums.transportVerifies(segment, layout), "transport checksum of segment " + i);
            assertEquals(verdicts.get(i).transport(), ChecksumStatus.GOOD, "tshark on the transport checksum of segment " + i);
        }
    }
}
