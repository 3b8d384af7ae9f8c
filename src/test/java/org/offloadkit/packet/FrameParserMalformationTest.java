package org.offloadkit.packet;

import static org.offloadkit.packet.Frames.ipv4;
import static org.offloadkit.packet.Frames.ipv6;
import static org.offloadkit.packet.Frames.payload;
import static org.offloadkit.packet.Malformation.EXCEEDS_PACKET_LAYOUT;
import static org.offloadkit.packet.Malformation.IPV4_IHL_BELOW_5;
import static org.offloadkit.packet.Malformation.IPV4_TOTAL_LENGTH_BELOW_HEADER;
import static org.offloadkit.packet.Malformation.IPV4_TOTAL_LENGTH_BEYOND_FRAME;
import static org.offloadkit.packet.Malformation.IPV6_EXTENSION_CHAIN_OVERRUN;
import static org.offloadkit.packet.Malformation.IPV6_PAYLOAD_LENGTH_BEYOND_FRAME;
import static org.offloadkit.packet.Malformation.IP_VERSION_MISMATCH;
import static org.offloadkit.packet.Malformation.TCP_DATA_OFFSET_BELOW_5;
import static org.offloadkit.packet.Malformation.TCP_DATA_OFFSET_BEYOND_SEGMENT;
import static org.offloadkit.packet.Malformation.TRUNCATED_ETHERNET_HEADER;
import static org.offloadkit.packet.Malformation.TRUNCATED_IPV4_HEADER;
import static org.offloadkit.packet.Malformation.TRUNCATED_IPV6_HEADER;
import static org.offloadkit.packet.Malformation.TRUNCATED_TCP_HEADER;
import static org.offloadkit.packet.Malformation.TRUNCATED_UDP_HEADER;
import static org.offloadkit.packet.Malformation.TRUNCATED_VLAN_TAG;
import static org.offloadkit.packet.Malformation.UDP_LENGTH_MISMATCH;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * One frame per {@link Malformation}, each wrong in that one way only, and where the parser must say it
 * found it. Offsets: Ethernet header 14, IPv4 Total Length at 16, IPv6 Payload Length at 18, TCP or UDP
 * after a plain IPv4 header at 34.
 */
public class FrameParserMalformationTest {

    record Case(String name, byte[] frame, Malformation reason, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Case[] CASES = {
        new Case("13 bytes", cut(udp4(0), 13), TRUNCATED_ETHERNET_HEADER, 0),
        new Case("802.1Q tag cut after its TPID", cut(ipv4().vlan(0x8100, 100).udp(5000, 53).build(), 16),
                TRUNCATED_VLAN_TAG, 14),
        new Case("IPv4 header cut at 19 bytes", cut(udp4(0), 14 + 19), TRUNCATED_IPV4_HEADER, 14),
        new Case("IPv4 IHL 4", edit(udp4(0), f -> f[14] = 0x44), IPV4_IHL_BELOW_5, 14),
        new Case("IPv4 Total Length 19", edit(udp4(0), f -> Bytes.put16(f, 16, 19)), IPV4_TOTAL_LENGTH_BELOW_HEADER, 16),
        new Case("IPv4 Total Length one past the frame", edit(udp4(10), f -> Bytes.put16(f, 16, 20 + 8 + 10 + 1)),
                IPV4_TOTAL_LENGTH_BEYOND_FRAME, 16),
        new Case("IPv6 header cut at 39 bytes", cut(ipv6().udp(5000, 53).build(), 14 + 39), TRUNCATED_IPV6_HEADER, 14),
        new Case("IPv6 Payload Length one past the frame",
                edit(ipv6().udp(5000, 53).payload(payload(10)).build(), f -> Bytes.put16(f, 18, 8 + 10 + 1)),
                IPV6_PAYLOAD_LENGTH_BEYOND_FRAME, 18),
        new Case("hop-by-hop header claims 24 bytes of the 16 left",
                edit(ipv6().extension(Ipv6Extension.hopByHop(8)).udp(5000, 53).build(), f -> f[14 + 40 + 1] = 2),
                IPV6_EXTENSION_CHAIN_OVERRUN, 14 + 40),
        new Case("IP version 6 under EtherType 0x0800", edit(udp4(0), f -> f[14] = 0x65), IP_VERSION_MISMATCH, 14),
        new Case("IP version 4 under EtherType 0x86DD", edit(ipv6().udp(5000, 53).build(), f -> f[14] = 0x40),
                IP_VERSION_MISMATCH, 14),
        new Case("IPv4 datagram ends 19 bytes into the TCP header",
                edit(ipv4().tcp(40000, 443).build(), f -> Bytes.put16(f, 16, 20 + 19)), TRUNCATED_TCP_HEADER, 34),
        new Case("TCP Data Offset 4", edit(ipv4().tcp(40000, 443).build(), f -> f[34 + 12] = 0x40),
                TCP_DATA_OFFSET_BELOW_5, 34 + 12),
        new Case("TCP Data Offset 8 over a 30-byte segment",
                edit(ipv4().tcp(40000, 443).payload(payload(10)).build(), f -> f[34 + 12] = (byte) 0x80),
                TCP_DATA_OFFSET_BEYOND_SEGMENT, 34 + 12),
        new Case("IPv4 datagram ends 7 bytes into the UDP header", edit(udp4(0), f -> Bytes.put16(f, 16, 20 + 7)),
                TRUNCATED_UDP_HEADER, 34),
        new Case("UDP Length one short of the datagram", edit(udp4(10), f -> Bytes.put16(f, 34 + 4, 8 + 10 - 1)),
                UDP_LENGTH_MISMATCH, 34 + 4),
        new Case("29 VLAN tags: layer 2 is 130 bytes, Layer2HeaderLength stops at 127", twentyNineTags(),
                EXCEEDS_PACKET_LAYOUT, 0),
        new Case("512 bytes of IPv6 header: Layer3HeaderLength stops at 511", ipv6HeaderOf512Bytes(),
                EXCEEDS_PACKET_LAYOUT, 14),
    };

    @DataProvider
    public static Object[][] cases() {
        return Arrays.stream(CASES).map(c -> new Object[] {c}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "cases")
    public void reasonAndOffset(Case c) {
        ParseResult result = FrameParser.parse(c.frame());

        assertTrue(result instanceof Malformed, c + ": parsed as " + result);
        Malformed malformed = (Malformed) result;
        assertEquals(malformed.reason(), c.reason(), c.name());
        assertEquals(malformed.offset(), c.offset(), c.name());
    }

    @Test
    public void everyMalformationHasACase() {
        Set<Malformation> covered = Arrays.stream(CASES).map(Case::reason).collect(Collectors.toSet());

        assertEquals(covered, EnumSet.allOf(Malformation.class));
    }

    /** The cases are bent from frames that parse; were the originals wrong, a case would prove nothing. */
    @Test
    public void originalsParse() {
        for (byte[] original : new byte[][] {udp4(0), udp4(10), ipv4().tcp(40000, 443).build(), ipv6().udp(5000, 53).build(),
                ipv6().extension(Ipv6Extension.hopByHop(8)).udp(5000, 53).build()}) {
            assertTrue(FrameParser.parse(original) instanceof FrameLayout, FrameParser.parse(original).toString());
        }
    }

    // ---------------------------------------------------------------- building blocks

    private static byte[] udp4(int payload) {
        return ipv4().udp(5000, 53).payload(payload(payload)).build();
    }

    private static byte[] cut(byte[] frame, int length) {
        return Arrays.copyOf(frame, length);
    }

    private static byte[] edit(byte[] frame, Consumer<byte[]> change) {
        change.accept(frame);
        return frame;
    }

    private static byte[] insert(byte[] frame, int offset, byte[] bytes) {
        byte[] b = new byte[frame.length + bytes.length];
        System.arraycopy(frame, 0, b, 0, offset);
        System.arraycopy(bytes, 0, b, offset, bytes.length);
        System.arraycopy(frame, offset, b, offset + bytes.length, frame.length - offset);
        return b;
    }

    /** FrameBuilder refuses to build what it cannot lay out, so the tags go in by hand. */
    private static byte[] twentyNineTags() {
        byte[] tags = new byte[29 * 4];
        for (int tag = 0; tag < 29; tag++) {
            Bytes.put16(tags, 4 * tag, 0x8100);
            Bytes.put16(tags, 4 * tag + 2, tag);
        }
        return insert(udp4(0), 12, tags);
    }

    /** 40 + 464 bytes of destination options, grown by 8 more bytes of PadN, lengths fixed up. */
    private static byte[] ipv6HeaderOf512Bytes() {
        byte[] frame = ipv6().extension(Ipv6Extension.destinationOptions(464)).udp(5000, 53).build();
        byte[] padN = {1, 6, 0, 0, 0, 0, 0, 0};
        byte[] grown = insert(frame, 14 + 40 + 464, padN);
        grown[14 + 40 + 1] = (byte) (472 / 8 - 1);
        Bytes.put16(grown, 14 + 4, 472 + 8);
        return grown;
    }
}
