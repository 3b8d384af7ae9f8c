package org.offloadkit.linux;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import java.nio.ByteOrder;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.Frames;
import org.testng.SkipException;
import org.testng.annotations.Test;

/** The virtio-net header's bytes, the header a GSO send needs, and the checksum seed it expects. */
public class VirtioNetHdrTest {

    /** flags, gso_type, then hdr_len, gso_size, csum_start, csum_offset as 16-bit little-endian words. */
    @Test
    public void encodesTheLegacyLayoutInLittleEndian() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new SkipException("the legacy header is in the host's order, and this host is big-endian");
        }
        VirtioNetHdr header = new VirtioNetHdr(VirtioNetHdr.F_NEEDS_CSUM, VirtioNetHdr.GSO_TCPV4 | VirtioNetHdr.GSO_ECN,
                54, 1448, 34, 16);

        byte[] bytes = header.encode();

        assertEquals(Bytes.hex(bytes, 0, bytes.length), "0181" + "3600" + "a805" + "2200" + "1000");
    }

    @Test
    public void decodesWhatItEncodesAtAnyOffset() {
        VirtioNetHdr header = new VirtioNetHdr(0xFF, VirtioNetHdr.GSO_UDP_L4, 0xFFFF, 0x8001, 0x1234, 0xFFFE);
        byte[] bytes = new byte[3 + VirtioNetHdr.LENGTH];
        System.arraycopy(header.encode(), 0, bytes, 3, VirtioNetHdr.LENGTH);

        assertEquals(VirtioNetHdr.decode(bytes, 3), header);
    }

    /** The checksum starts at the transport header; TCP's field is 16 bytes into it, UDP's 6. */
    @Test
    public void theSegmentationHeaderFollowsTheFrame() {
        assertEquals(VirtioNetHdr.segmentation(LinkFrames.tcp4().payload(new byte[3000]).build(), 1448),
                new VirtioNetHdr(VirtioNetHdr.F_NEEDS_CSUM, VirtioNetHdr.GSO_TCPV4, 14 + 20 + 20, 1448, 14 + 20, 16));
        assertEquals(VirtioNetHdr.segmentation(LinkFrames.tcp6().tcpOptions(new byte[12]).build(), 1428),
                new VirtioNetHdr(VirtioNetHdr.F_NEEDS_CSUM, VirtioNetHdr.GSO_TCPV6, 14 + 40 + 32, 1428, 14 + 40, 16));
        assertEquals(VirtioNetHdr.segmentation(LinkFrames.udp4().build(), 1472),
                new VirtioNetHdr(VirtioNetHdr.F_NEEDS_CSUM, VirtioNetHdr.GSO_UDP_L4, 14 + 20 + 8, 1472, 14 + 20, 6));
        assertEquals(VirtioNetHdr.segmentation(LinkFrames.tcp4().vlan(0x8100, 5).build(), 1448).csumStart(), 14 + 4 + 20);
    }

    @Test
    public void onlyTcpAndUdpFramesSegment() {
        byte[] icmp = Frames.ipv4().protocol(1).payload(new byte[8]).build();

        expectThrows(IllegalArgumentException.class, () -> VirtioNetHdr.segmentation(icmp, 1448));
        expectThrows(IllegalArgumentException.class, () -> VirtioNetHdr.withPseudoHeaderSum(icmp));
    }

    /**
     * 192.0.2.1 to 198.51.100.2, TCP, 20 bytes: c000 + 0201 + c633 + 6402 + 0006 + 0014 = 1ec50, folded
     * ec51. The field holds the sum itself, not its complement; nothing else changes.
     */
    @Test
    public void theSeedIsThePseudoHeaderSumWithTheTransportLength() {
        byte[] frame = LinkFrames.tcp4().build();

        byte[] seeded = VirtioNetHdr.withPseudoHeaderSum(frame);

        assertEquals(Bytes.u16(seeded, 14 + 20 + 16), 0xEC51);
        Bytes.put16(seeded, 14 + 20 + 16, Bytes.u16(frame, 14 + 20 + 16));
        assertEquals(seeded, frame);
    }

    @Test
    public void describesItselfInTheKernelsTerms() {
        assertEquals(new VirtioNetHdr(1, 0x81, 66, 1448, 34, 16).toString(), "TCPV4|ECN gso_size 1448, NEEDS_CSUM at 34+16, hdr_len 66");
        assertEquals(new VirtioNetHdr(2, 0, 0, 0, 0, 0).toString(), "no GSO, DATA_VALID, hdr_len 0");
    }

    /** A GSO unit holds ceil(payload / gso_size) segments; anything else is one. */
    @Test
    public void aFrameCountsItsSegments() {
        byte[] unit = LinkFrames.tcp4().payload(new byte[2500]).build();
        VirtioNetHdr gso = new VirtioNetHdr(VirtioNetHdr.F_NEEDS_CSUM, VirtioNetHdr.GSO_TCPV4, 54, 1000, 34, 16);

        assertEquals(new VnetFrame(gso, unit).segments(), 3);
        assertEquals(new VnetFrame(new VirtioNetHdr(1, 1, 54, 500, 34, 16), unit).segments(), 5);
        assertEquals(VnetFrame.plain(unit).segments(), 1);
        assertEquals(new VnetFrame(gso, Frames.ethernet().build()).segments(), 1);
    }
}
