package org.offloadkit.packet;

import static org.offloadkit.packet.Frames.ipv4;
import static org.offloadkit.packet.Frames.ipv6;
import static org.offloadkit.packet.Frames.payload;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.Arrays;

import org.testng.annotations.Test;

/**
 * The parse of a large send's template: the datagram runs to the end of the buffer whatever the IPv4 Total
 * Length, IPv6 Payload Length and UDP Length say, while every other length is checked as strictly as ever.
 */
public class FrameParserLargeSendTest {

    private static byte[] withField(byte[] frame, int offset, int value) {
        byte[] f = frame.clone();
        Bytes.put16(f, offset, value);
        return f;
    }

    @Test
    public void ipv4TotalLengthZeroRunsToTheEndOfTheBuffer() {
        byte[] template = withField(ipv4().tcp(1, 2).payload(payload(3000)).build(), 16, 0);
        FrameLayout layout = FrameParser.parseLargeSend(template).layout();
        assertEquals(layout.ipEnd(), template.length);
        assertEquals(layout.payloadLength(), 3000);
        assertEquals(((Malformed) FrameParser.parse(template)).reason(), Malformation.IPV4_TOTAL_LENGTH_BELOW_HEADER,
                "the strict parse still refuses it");
    }

    @Test
    public void ipv6PayloadLengthAndUdpLengthZeroRunToTheEndOfTheBuffer() {
        byte[] template = withField(withField(ipv6().udp(1, 2).payload(payload(70)).build(), 18, 0), 14 + 40 + 4, 0);
        FrameLayout layout = FrameParser.parseLargeSend(template).layout();
        assertEquals(layout.layer4Type(), Layer4Type.UDP);
        assertEquals(layout.payloadLength(), 70);
    }

    @Test
    public void anOrdinaryFrameLaysOutAlikeBothWays() {
        byte[] frame = ipv6().extension(Ipv6Extension.hopByHop(8)).tcp(1, 2).tcpOptions(new byte[] {1, 1, 1, 1}).payload(payload(9)).build();
        assertEquals(FrameParser.parseLargeSend(frame), FrameParser.parse(frame));
    }

    @Test
    public void headerLengthsAreStillChecked() {
        byte[] ipv4 = withField(ipv4().tcp(1, 2).payload(payload(10)).build(), 16, 0);
        byte[] ihlPastTheEnd = Arrays.copyOf(ipv4, 14 + 30);
        ihlPastTheEnd[14] = 0x4F;
        assertEquals(((Malformed) FrameParser.parseLargeSend(ihlPastTheEnd)).reason(), Malformation.TRUNCATED_IPV4_HEADER);
        byte[] dataOffsetPastTheEnd = ipv4.clone();
        dataOffsetPastTheEnd[14 + 20 + 12] = (byte) 0xF0;
        assertEquals(((Malformed) FrameParser.parseLargeSend(dataOffsetPastTheEnd)).reason(), Malformation.TCP_DATA_OFFSET_BEYOND_SEGMENT);
        byte[] chainPastTheEnd = withField(Arrays.copyOf(ipv6().extension(Ipv6Extension.destinationOptions(64)).udp(1, 2).build(), 14 + 40 + 32),
                18, 0);
        assertTrue(FrameParser.parseLargeSend(chainPastTheEnd) instanceof Malformed m
                && m.reason() == Malformation.IPV6_EXTENSION_CHAIN_OVERRUN, FrameParser.parseLargeSend(chainPastTheEnd).toString());
    }
}
