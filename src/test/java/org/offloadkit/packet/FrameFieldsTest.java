package org.offloadkit.packet;

import static org.offloadkit.packet.Frames.ipv4;
import static org.offloadkit.packet.Frames.ipv6;
import static org.offloadkit.packet.Frames.padded;
import static org.offloadkit.packet.Frames.payload;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.offloadkit.packet.CorpusFrames.CorpusFrame;
import org.testng.annotations.Test;

/** Header fields in wire order, at offsets worked out by hand from the header sizes. */
public class FrameFieldsTest {
    private static final byte[] TIMESTAMPS = {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2};

    /** "key offset length" per field, so a whole list compares at once. */
    private static List<String> layout(byte[] frame) {
        return FrameFields.decode(frame).stream().map(f -> f.key() + " " + f.offset() + " " + f.length()).toList();
    }

    @Test
    public void ipv4TcpWithOptions() {
        byte[] frame = ipv4().tcp(40000, 443).tcpOptions(TIMESTAMPS).payload(payload(10)).build();

        assertEquals(layout(frame), List.of(
                "eth.dst 0 6", "eth.src 6 6", "eth.type 12 2",
                "ip.hdr_len 14 1", "ip.dsfield 15 1", "ip.len 16 2", "ip.id 18 2", "ip.flags 20 2", "ip.ttl 22 1",
                "ip.proto 23 1", "ip.checksum 24 2", "ip.src 26 4", "ip.dst 30 4",
                "tcp.srcport 34 2", "tcp.dstport 36 2", "tcp.seq 38 4", "tcp.ack 42 4", "tcp.hdr_len 46 1",
                "tcp.flags 47 1", "tcp.window_size 48 2", "tcp.checksum 50 2", "tcp.urgent_pointer 52 2",
                "tcp.options 54 12",
                "payload 66 10"));
    }

    @Test
    public void taggedIpv4UdpWithPadding() {
        byte[] frame = padded(ipv4().vlan(0x8100, 100).udp(5000, 53).payload(payload(1)).build(), 60);

        assertEquals(layout(frame), List.of(
                "eth.dst 0 6", "eth.src 6 6", "vlan.tpid 12 2", "vlan.tci 14 2", "eth.type 16 2",
                "ip.hdr_len 18 1", "ip.dsfield 19 1", "ip.len 20 2", "ip.id 22 2", "ip.flags 24 2", "ip.ttl 26 1",
                "ip.proto 27 1", "ip.checksum 28 2", "ip.src 30 4", "ip.dst 34 4",
                "udp.srcport 38 2", "udp.dstport 40 2", "udp.length 42 2", "udp.checksum 44 2",
                "payload 46 1",
                "eth.padding 47 13"));
    }

    @Test
    public void ipv6UdpAfterHopByHop() {
        byte[] frame = ipv6().extension(Ipv6Extension.hopByHop(8)).udp(5000, 53).payload(payload(4)).build();

        assertEquals(layout(frame), List.of(
                "eth.dst 0 6", "eth.src 6 6", "eth.type 12 2",
                "ipv6.vtcfl 14 4", "ipv6.plen 18 2", "ipv6.nxt 20 1", "ipv6.hlim 21 1", "ipv6.src 22 16",
                "ipv6.dst 38 16", "ipv6.ext 54 8",
                "udp.srcport 62 2", "udp.dstport 64 2", "udp.length 66 2", "udp.checksum 68 2",
                "payload 70 4"));
    }

    @Test
    public void arpBodyIsOneField() {
        byte[] frame = Frames.ethernet().payload(payload(28)).build();

        assertEquals(layout(frame), List.of("eth.dst 0 6", "eth.src 6 6", "eth.type 12 2", "data 14 28"));
    }

    @Test
    public void valuesReadAsAPersonWouldWriteThem() {
        byte[] frame = ipv4().tcp(40000, 443).flags(TcpFlags.PSH | TcpFlags.ACK).payload(payload(10)).build();
        Map<String, Field> fields = FrameFields.decode(frame).stream().collect(Collectors.toMap(Field::key, Function.identity()));

        assertEquals(fields.get("eth.src").valueIn(frame), "02:00:00:00:00:0a");
        assertEquals(fields.get("ip.len").valueIn(frame), "50");
        assertEquals(fields.get("ip.dst").valueIn(frame), "198.51.100.2");
        assertEquals(fields.get("tcp.dstport").valueIn(frame), "443");
        assertEquals(fields.get("tcp.flags").valueIn(frame), "0x18 [PSH ACK]");
        assertEquals(fields.get("payload").valueIn(frame), "a5a5a5a5a5a5a5a5a5a5");
    }

    @Test
    public void aMalformedFrameIsOneFieldNamingWhy() {
        byte[] frame = Arrays.copyOf(ipv4().udp(5000, 53).build(), 20);
        List<Field> fields = FrameFields.decode(frame);

        assertEquals(layout(frame), List.of("frame 0 20"));
        assertTrue(fields.get(0).label().contains(Malformation.TRUNCATED_IPV4_HEADER.description), fields.get(0).label());
    }

    /** FrameDiff compares field by field: a byte no field covers would be a difference nobody sees. */
    @Test
    public void fieldsTileEveryCorpusFrame() {
        for (CorpusFrame frame : CorpusFrames.all()) {
            int next = 0;
            for (Field field : FrameFields.decode(frame.bytes())) {
                assertEquals(field.offset(), next, frame + ": " + field.key() + " does not follow on");
                next = field.offset() + field.length();
            }
            assertEquals(next, frame.bytes().length, frame + ": fields end before the frame does");
        }
    }
}
