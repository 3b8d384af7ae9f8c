package org.offloadkit.conformance.gso;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;

import java.util.List;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.testing.Tshark;
import org.testng.annotations.Test;

/** A segment whose TCP checksum computes to 0x0000 is a correct segment (tshark agrees); only UDP's 0 means none. */
public class GsoJudgeChecksumTest {

    @Test
    public void aTcpChecksumOfZeroVerifies() {
        byte[] frame = FrameBuilder.ethernet(new byte[] {2, 0, 0, 0, 0, 1}, new byte[] {2, 0, 0, 0, 0, 2})
                .ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}).tcp(40000, 443).seq(1).ack(1).flags(0x10)
                .payload(new byte[64]).build();
        FrameLayout layout = FrameParser.parse(frame).layout();
        int field = layout.transportChecksumOffset();
        // Adding the checksum into a payload word brings the sum to 0xFFFF, so the checksum becomes 0x0000.
        int word = layout.payloadOffset();
        Bytes.put16(frame, word, InternetChecksum.add(Bytes.u16(frame, word), Bytes.u16(frame, field)));
        Bytes.put16(frame, field, FrameChecksums.transportChecksum(frame, layout));
        assertEquals(Bytes.u16(frame, field), 0x0000, "the crafted segment's checksum");
        assertEquals(Tshark.fields(List.of(frame), "tcp.checksum.status"), List.of(List.of("1")), "tshark: good");

        GsoJudge.Segment segment = new GsoJudge.Segment(frame, layout);
        assertNull(GsoJudge.transportChecksum(segment, segment));
    }

    @Test
    public void aUdpChecksumOfZeroWhereTheReferenceHasOneIsStillWrong() {
        byte[] frame = FrameBuilder.ethernet(new byte[] {2, 0, 0, 0, 0, 1}, new byte[] {2, 0, 0, 0, 0, 2})
                .ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}).udp(5000, 53).payload(new byte[32]).build();
        FrameLayout layout = FrameParser.parse(frame).layout();
        byte[] none = frame.clone();
        Bytes.put16(none, layout.transportChecksumOffset(), 0);
        assertNotNull(GsoJudge.transportChecksum(new GsoJudge.Segment(frame, layout), new GsoJudge.Segment(none, layout)));
    }
}
