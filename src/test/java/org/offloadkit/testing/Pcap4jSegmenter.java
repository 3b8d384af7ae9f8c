package org.offloadkit.testing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.LargeSend.Flavor;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.IpV6SimpleFlowLabel;
import org.pcap4j.packet.IpV6SimpleTrafficClass;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.MacAddress;

/**
 * Segmentation written from the spec's rules with Pcap4J's packet builders, which compute every length and
 * checksum themselves: an oracle that shares no code with {@code GsoSegmenter}, and the baseline beside it
 * in the benchmark. It reads templates of the plain shapes only: untagged Ethernet, IPv4 without options
 * or IPv6 without extension headers, TCP (with any options) or UDP.
 */
public final class Pcap4jSegmenter {
    private static final int L3 = 14;

    private Pcap4jSegmenter() {}

    /** True for the shapes this oracle reads. */
    public static boolean reads(byte[] template) {
        int etherType = (template[12] & 0xFF) << 8 | (template[13] & 0xFF);
        return etherType == 0x0800 && template[L3] == 0x45 || etherType == 0x86DD && (template[L3 + 6] == 6 || template[L3 + 6] == 17);
    }

    /** Every segment of the send, in order. */
    public static List<byte[]> segment(byte[] template, LargeSend send) {
        boolean ipv4 = template[12] == 0x08;
        int l4 = L3 + (ipv4 ? 20 : 40);
        boolean tcp = (ipv4 ? template[L3 + 9] : template[L3 + 6]) == 6;
        int transportHeader = tcp ? (template[l4 + 12] >> 4 & 0xF) * 4 : 8;
        int payloadStart = l4 + transportHeader;
        int payloadEnd = send.flavor() == Flavor.LSO_V1 ? L3 + u16(template, L3 + 2) : template.length;
        int mss = send.mss();
        int count = (payloadEnd - payloadStart + mss - 1) / mss;
        TcpPacket tcpTemplate = tcp ? tcpHeader(template, l4, transportHeader) : null;
        List<byte[]> segments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = payloadStart + i * mss;
            UnknownPacket.Builder payload = new UnknownPacket.Builder().rawData(Arrays.copyOfRange(template, from, Math.min(from + mss, payloadEnd)));
            Packet.Builder transport = tcp ? tcpSegment(tcpTemplate, template, ipv4, i, count, mss, payload)
                    : udpDatagram(template, l4, ipv4, payload);
            Packet.Builder ip = ipv4 ? ipv4(template, send.flavor(), i, tcp, transport) : ipv6(template, tcp, transport);
            segments.add(new EthernetPacket.Builder()
                    .dstAddr(MacAddress.getByAddress(Arrays.copyOfRange(template, 0, 6)))
                    .srcAddr(MacAddress.getByAddress(Arrays.copyOfRange(template, 6, 12)))
                    .type(ipv4 ? EtherType.IPV4 : EtherType.IPV6)
                    .payloadBuilder(ip)
                    .pad(new byte[0])
                    .build().getRawData());
        }
        return segments;
    }

    private static TcpPacket tcpHeader(byte[] template, int l4, int length) {
        try {
            return TcpPacket.newPacket(template, l4, length);
        } catch (IllegalRawDataException e) {
            throw new IllegalArgumentException("Pcap4J cannot read the template's TCP header", e);
        }
    }

    /** seq + i·MSS; FIN and PSH on the last segment only, CWR (Pcap4J's reserved bit 1) on the first only. */
    private static Packet.Builder tcpSegment(TcpPacket template, byte[] frame, boolean ipv4, int i, int count, int mss,
                                             Packet.Builder payload) {
        TcpPacket.TcpHeader h = template.getHeader();
        boolean last = i == count - 1;
        boolean first = i == 0;
        byte reserved = first ? h.getReserved() : (byte) (h.getReserved() & ~2);
        return template.getBuilder()
                .sequenceNumber(h.getSequenceNumber() + i * mss)
                .reserved(reserved)
                .fin(h.getFin() && last)
                .psh(h.getPsh() && last)
                .payloadBuilder(payload)
                .srcAddr(source(frame, ipv4))
                .dstAddr(destination(frame, ipv4))
                .correctChecksumAtBuild(true)
                .correctLengthAtBuild(true);
    }

    /** A template UDP checksum of 0 stays 0; any other is computed afresh. */
    private static Packet.Builder udpDatagram(byte[] template, int l4, boolean ipv4, Packet.Builder payload) {
        boolean checksum = u16(template, l4 + 6) != 0;
        return new UdpPacket.Builder()
                .srcPort(UdpPort.getInstance((short) u16(template, l4)))
                .dstPort(UdpPort.getInstance((short) u16(template, l4 + 2)))
                .srcAddr(source(template, ipv4))
                .dstAddr(destination(template, ipv4))
                .payloadBuilder(payload)
                .correctChecksumAtBuild(checksum)
                .correctLengthAtBuild(true);
    }

    /** IDs from the template's: LSOv2 goes from 0x7FFF back to 0x0000, USO and LSOv1 from 0xFFFF. */
    private static Packet.Builder ipv4(byte[] t, Flavor flavor, int i, boolean tcp, Packet.Builder transport) {
        int id = u16(t, L3 + 4) + i;
        if (flavor == Flavor.LSO_V2 && u16(t, L3 + 4) <= 0x7FFF) {
            id %= 0x8000;
        }
        return new IpV4Packet.Builder()
                .version(IpVersion.IPV4)
                .ihl((byte) 5)
                .tos(IpV4Rfc791Tos.newInstance(t[L3 + 1]))
                .identification((short) id)
                .reservedFlag((t[L3 + 6] & 0x80) != 0)
                .dontFragmentFlag((t[L3 + 6] & 0x40) != 0)
                .moreFragmentFlag(false)
                .fragmentOffset((short) 0)
                .ttl(t[L3 + 8])
                .protocol(tcp ? IpNumber.TCP : IpNumber.UDP)
                .srcAddr((Inet4Address) source(t, true))
                .dstAddr((Inet4Address) destination(t, true))
                .payloadBuilder(transport)
                .correctChecksumAtBuild(true)
                .correctLengthAtBuild(true);
    }

    private static Packet.Builder ipv6(byte[] t, boolean tcp, Packet.Builder transport) {
        int first = (int) (((t[L3] & 0xFFL) << 24) | (t[L3 + 1] & 0xFF) << 16 | (t[L3 + 2] & 0xFF) << 8 | (t[L3 + 3] & 0xFF));
        return new IpV6Packet.Builder()
                .version(IpVersion.IPV6)
                .trafficClass(IpV6SimpleTrafficClass.newInstance((byte) (first >>> 20)))
                .flowLabel(IpV6SimpleFlowLabel.newInstance(first & 0xFFFFF))
                .nextHeader(tcp ? IpNumber.TCP : IpNumber.UDP)
                .hopLimit(t[L3 + 7])
                .srcAddr((Inet6Address) source(t, false))
                .dstAddr((Inet6Address) destination(t, false))
                .payloadBuilder(transport)
                .correctLengthAtBuild(true);
    }

    private static InetAddress source(byte[] t, boolean ipv4) {
        return address(t, ipv4 ? L3 + 12 : L3 + 8, ipv4 ? 4 : 16);
    }

    private static InetAddress destination(byte[] t, boolean ipv4) {
        return address(t, ipv4 ? L3 + 16 : L3 + 24, ipv4 ? 4 : 16);
    }

    private static InetAddress address(byte[] t, int offset, int length) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(t, offset, offset + length));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static int u16(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF);
    }
}
