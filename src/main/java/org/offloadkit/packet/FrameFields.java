package org.offloadkit.packet;

import java.util.ArrayList;
import java.util.List;

import org.offloadkit.packet.Field.Format;

/** The header fields of a frame in wire order, from its layout. */
public final class FrameFields {
    private FrameFields() {}

    /** Fields as far as the frame parses; whatever follows is one "rest of frame" field. */
    public static List<Field> decode(byte[] frame) {
        List<Field> fields = new ArrayList<>();
        ParseResult parsed = FrameParser.parse(frame);
        if (!(parsed instanceof FrameLayout layout)) {
            fields.add(new Field("frame", "frame (" + parsed + ")", 0, frame.length, Format.BYTES));
            return fields;
        }
        ethernet(fields, layout);
        if (layout.isIPv4()) {
            ipv4(fields, layout);
        } else if (layout.isIPv6()) {
            ipv6(fields, layout);
        }
        if (layout.isTcp()) {
            tcp(fields, layout);
        } else if (layout.isUdp()) {
            udp(fields, layout);
        }
        int rest = layout.payloadOffset();
        if (layout.layer3Type() != Layer3Type.UNSPECIFIED && rest < layout.ipEnd()) { // not IP: ethernet() has the body as data
            fields.add(new Field("payload", "payload", rest, layout.ipEnd() - rest, Format.BYTES));
        }
        if (layout.ipEnd() < frame.length) {
            fields.add(new Field("eth.padding", "Ethernet padding", layout.ipEnd(), frame.length - layout.ipEnd(), Format.BYTES));
        }
        return fields;
    }

    private static void ethernet(List<Field> f, FrameLayout layout) {
        f.add(new Field("eth.dst", "Ethernet destination", 0, 6, Format.MAC));
        f.add(new Field("eth.src", "Ethernet source", 6, 6, Format.MAC));
        int o = 12;
        for (int tag = 0; tag < layout.vlanTags(); tag++, o += 4) {
            f.add(new Field("vlan.tpid", "VLAN tag " + (tag + 1) + " TPID", o, 2, Format.HEX));
            f.add(new Field("vlan.tci", "VLAN tag " + (tag + 1) + " TCI", o + 2, 2, Format.HEX));
        }
        f.add(new Field("eth.type", "EtherType", o, 2, Format.HEX));
        if (layout.layer3Type() == Layer3Type.UNSPECIFIED && o + 2 < layout.ipEnd()) {
            f.add(new Field("data", "layer 3 data", o + 2, layout.ipEnd() - o - 2, Format.BYTES));
        }
    }

    private static void ipv4(List<Field> f, FrameLayout layout) {
        int o = layout.layer3Offset();
        f.add(new Field("ip.hdr_len", "IPv4 version and IHL", o, 1, Format.HEX));
        f.add(new Field("ip.dsfield", "IPv4 DSCP and ECN", o + 1, 1, Format.HEX));
        f.add(new Field("ip.len", "IPv4 Total Length", o + 2, 2, Format.DECIMAL));
        f.add(new Field("ip.id", "IPv4 Identification", o + 4, 2, Format.HEX));
        f.add(new Field("ip.flags", "IPv4 flags and fragment offset", o + 6, 2, Format.HEX));
        f.add(new Field("ip.ttl", "IPv4 TTL", o + 8, 1, Format.DECIMAL));
        f.add(new Field("ip.proto", "IPv4 protocol", o + 9, 1, Format.DECIMAL));
        f.add(new Field("ip.checksum", "IPv4 header checksum", o + 10, 2, Format.HEX));
        f.add(new Field("ip.src", "IPv4 source", o + 12, 4, Format.IPV4));
        f.add(new Field("ip.dst", "IPv4 destination", o + 16, 4, Format.IPV4));
        if (layout.layer3Length() > 20) {
            f.add(new Field("ip.options", "IPv4 options", o + 20, layout.layer3Length() - 20, Format.BYTES));
        }
    }

    private static void ipv6(List<Field> f, FrameLayout layout) {
        int o = layout.layer3Offset();
        f.add(new Field("ipv6.vtcfl", "IPv6 version, traffic class and flow label", o, 4, Format.HEX));
        f.add(new Field("ipv6.plen", "IPv6 Payload Length", o + 4, 2, Format.DECIMAL));
        f.add(new Field("ipv6.nxt", "IPv6 Next Header", o + 6, 1, Format.DECIMAL));
        f.add(new Field("ipv6.hlim", "IPv6 Hop Limit", o + 7, 1, Format.DECIMAL));
        f.add(new Field("ipv6.src", "IPv6 source", o + 8, 16, Format.IPV6));
        f.add(new Field("ipv6.dst", "IPv6 destination", o + 24, 16, Format.IPV6));
        if (layout.layer3Length() > 40) {
            f.add(new Field("ipv6.ext", "IPv6 extension headers", o + 40, layout.layer3Length() - 40, Format.BYTES));
        }
    }

    private static void tcp(List<Field> f, FrameLayout layout) {
        int o = layout.layer4Offset();
        f.add(new Field("tcp.srcport", "TCP source port", o, 2, Format.DECIMAL));
        f.add(new Field("tcp.dstport", "TCP destination port", o + 2, 2, Format.DECIMAL));
        f.add(new Field("tcp.seq", "TCP sequence number", o + 4, 4, Format.DECIMAL));
        f.add(new Field("tcp.ack", "TCP acknowledgment number", o + 8, 4, Format.DECIMAL));
        f.add(new Field("tcp.hdr_len", "TCP data offset", o + 12, 1, Format.HEX));
        f.add(new Field("tcp.flags", "TCP flags", o + 13, 1, Format.TCP_FLAGS));
        f.add(new Field("tcp.window_size", "TCP window", o + 14, 2, Format.DECIMAL));
        f.add(new Field("tcp.checksum", "TCP checksum", o + 16, 2, Format.HEX));
        f.add(new Field("tcp.urgent_pointer", "TCP urgent pointer", o + 18, 2, Format.DECIMAL));
        if (layout.layer4Length() > 20) {
            f.add(new Field("tcp.options", "TCP options", o + 20, layout.layer4Length() - 20, Format.BYTES));
        }
    }

    private static void udp(List<Field> f, FrameLayout layout) {
        int o = layout.layer4Offset();
        f.add(new Field("udp.srcport", "UDP source port", o, 2, Format.DECIMAL));
        f.add(new Field("udp.dstport", "UDP destination port", o + 2, 2, Format.DECIMAL));
        f.add(new Field("udp.length", "UDP Length", o + 4, 2, Format.DECIMAL));
        f.add(new Field("udp.checksum", "UDP checksum", o + 6, 2, Format.HEX));
    }
}
