package org.offloadkit.replay;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.packet.TcpStream;
import org.offloadkit.pcap.CaptureBytes;
import org.offloadkit.pcap.LinkType;
import org.offloadkit.reference.TxChecksumEngine;

/**
 * A capture as messy as real ones, in a pcapng of five link types: 1-3 one large send's segments (MSS 1000,
 * PSH on the last), 4 ARP, 5 ICMP, 6 an IPv4 fragment, 7 VLAN-tagged UDP, 8 TCP with a partial checksum (a
 * sender's capture), 9 cut by the snap length, 10 raw IP TCP, 11 Linux cooked UDP, 12 Linux cooked v2 ICMP,
 * 13 802.11 (not replayed), 14 UDP with a corrupted checksum.
 */
public final class MessyCapture {
    static final byte[] MAC_A = {2, 0, 0, 0, 0, 0x0A};
    static final byte[] MAC_B = {2, 0, 0, 0, 0, 0x0B};
    static final byte[] IP_A = {(byte) 192, 0, 2, 1};
    static final byte[] IP_B = {(byte) 198, 51, 100, 2};
    public static final int MSS = 1000;
    public static final int PACKETS = 14;

    private MessyCapture() {}

    /** Writes the capture to {@code file}; the three segments of its large send are packets 1 to 3. */
    public static List<byte[]> write(Path file) throws IOException {
        List<byte[]> segments = new ArrayList<>();
        TcpStream flow = TcpStream.ipv4(MAC_B, MAC_A, IP_A, IP_B, 40000, 443).ack(7);
        for (int i = 0; i < 3; i++) {                                         // packets 1-3: one large send's segments
            segments.add(flow.segment(1000 + (long) i * MSS, i == 2 ? 400 : MSS, TcpFlags.ACK | (i == 2 ? TcpFlags.PSH : 0)).build());
        }
        byte[] arp = FrameBuilder.ethernet(MAC_B, MAC_A).payload(new byte[28]).build();
        byte[] icmp = FrameBuilder.ethernet(MAC_B, MAC_A).ipv4(IP_A, IP_B).protocol(1).payload(new byte[16]).build();
        byte[] fragment = FrameBuilder.ethernet(MAC_B, MAC_A).ipv4(IP_A, IP_B).fragment(false, true, 0).udp(5000, 53)
                .payload(new byte[64]).build();
        byte[] vlanUdp = FrameBuilder.ethernet(MAC_B, MAC_A).vlan(0x8100, 5).ipv4(IP_A, IP_B).udp(5000, 53).payload(new byte[40]).build();
        byte[] partial = flow.data(9000, 100);
        FrameLayout p = FrameParser.parse(partial).layout();
        Bytes.put16(partial, p.transportChecksumOffset(), TxChecksumEngine.seed(partial, p)); // as a sender's capture shows it
        byte[] cut = Arrays.copyOf(flow.data(20000, 500), 60);
        byte[] rawIp = Arrays.copyOfRange(flow.data(30000, 10), 14, 14 + 50);
        byte[] sll = sll(Arrays.copyOfRange(vlanUdp, 18, vlanUdp.length));
        byte[] sll2 = sll2(Arrays.copyOfRange(icmp, 14, icmp.length));
        byte[] corruptUdp = FrameBuilder.ethernet(MAC_B, MAC_A).ipv4(IP_A, IP_B).udp(5000, 53).payload(new byte[20]).build();
        corruptUdp[corruptUdp.length - 1] ^= 1;

        CaptureBytes c = CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN)
                .iface(LinkType.ETHERNET, 65535, -1).iface(LinkType.RAW, 65535, -1).iface(LinkType.LINUX_SLL, 65535, -1)
                .iface(LinkType.LINUX_SLL2, 65535, -1).iface(105, 65535, -1);
        long t = 1;
        for (byte[] s : segments) {
            c.enhanced(0, t++, s, s.length);
        }
        c.enhanced(0, t++, arp, arp.length)                 // 4
                .enhanced(0, t++, icmp, icmp.length)        // 5
                .enhanced(0, t++, fragment, fragment.length) // 6
                .enhanced(0, t++, vlanUdp, vlanUdp.length)  // 7
                .enhanced(0, t++, partial, partial.length)  // 8
                .enhanced(0, t++, cut, 554)                 // 9: snap length 60
                .enhanced(1, t++, rawIp, rawIp.length)      // 10
                .enhanced(2, t++, sll, sll.length)          // 11
                .enhanced(3, t++, sll2, sll2.length)        // 12
                .enhanced(4, t++, new byte[30], 30)         // 13: 802.11, not replayed
                .enhanced(0, t++, corruptUdp, corruptUdp.length); // 14
        Files.write(file, c.bytes());
        return segments;
    }

    private static byte[] sll(byte[] ip) {
        byte[] b = new byte[16 + ip.length];
        Bytes.put16(b, 2, 1);     // ARPHRD_ETHER
        Bytes.put16(b, 4, 6);
        System.arraycopy(MAC_A, 0, b, 6, 6);
        Bytes.put16(b, 14, 0x0800);
        System.arraycopy(ip, 0, b, 16, ip.length);
        return b;
    }

    private static byte[] sll2(byte[] ip) {
        byte[] b = new byte[20 + ip.length];
        Bytes.put16(b, 0, 0x0800);
        Bytes.put16(b, 8, 1);
        b[11] = 6;
        System.arraycopy(MAC_A, 0, b, 12, 6);
        System.arraycopy(ip, 0, b, 20, ip.length);
        return b;
    }
}
