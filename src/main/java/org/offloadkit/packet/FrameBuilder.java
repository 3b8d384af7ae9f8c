package org.offloadkit.packet;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Ethernet frames with every length and checksum right: Ethernet with 802.1Q/802.1ad tags, IPv4
 * (with options, fragment fields) or IPv6 (with extension headers), and TCP (with options), UDP or a bare
 * upper-layer protocol. Fixture generators start here and then bend what they mean to test.
 */
public final class FrameBuilder {
    private enum TransportHeader { NONE, TCP, UDP }

    private final byte[] destinationMac;
    private final byte[] sourceMac;
    private final List<int[]> tags = new ArrayList<>();

    private int ipVersion;
    private byte[] sourceIp;
    private byte[] destinationIp;
    private int tos;
    private int ttl = 64;
    private int ipId;
    private boolean dontFragment = true;
    private boolean moreFragments;
    private int fragmentOffset;
    private byte[] ipv4Options = new byte[0];
    private int flowLabel;
    private final List<Ipv6Extension> extensions = new ArrayList<>();

    private int protocol = -1;
    private TransportHeader transportHeader = TransportHeader.NONE;
    private int sourcePort;
    private int destinationPort;
    private long seq;
    private long ack;
    private int tcpFlags = TcpFlags.ACK;
    private int window = 65535;
    private int urgentPointer;
    private byte[] tcpOptions = new byte[0];
    private byte[] payload = new byte[0];

    private FrameBuilder(byte[] destinationMac, byte[] sourceMac) {
        this.destinationMac = destinationMac.clone();
        this.sourceMac = sourceMac.clone();
    }

    public static FrameBuilder ethernet(byte[] destinationMac, byte[] sourceMac) {
        return new FrameBuilder(destinationMac, sourceMac);
    }

    /** A VLAN tag (TPID 0x8100 for 802.1Q, 0x88A8 for an 802.1ad outer tag), outermost first. */
    public FrameBuilder vlan(int tpid, int tci) {
        tags.add(new int[] {tpid, tci});
        return this;
    }

    public FrameBuilder ipv4(byte[] source, byte[] destination) {
        ipVersion = 4;
        sourceIp = source.clone();
        destinationIp = destination.clone();
        return this;
    }

    public FrameBuilder ipv6(byte[] source, byte[] destination) {
        ipVersion = 6;
        sourceIp = source.clone();
        destinationIp = destination.clone();
        return this;
    }

    /** DSCP and ECN (IPv4 TOS, IPv6 Traffic Class). */
    public FrameBuilder tos(int value) {
        tos = value;
        return this;
    }

    /** IPv4 TTL or IPv6 Hop Limit. */
    public FrameBuilder ttl(int value) {
        ttl = value;
        return this;
    }

    public FrameBuilder ipId(int value) {
        ipId = value;
        return this;
    }

    public FrameBuilder fragment(boolean dontFragment, boolean moreFragments, int offsetUnits) {
        this.dontFragment = dontFragment;
        this.moreFragments = moreFragments;
        this.fragmentOffset = offsetUnits;
        return this;
    }

    /** IPv4 options; padded with End of Options List to a multiple of 4. */
    public FrameBuilder ipv4Options(byte[] options) {
        ipv4Options = java.util.Arrays.copyOf(options, (options.length + 3) / 4 * 4);
        return this;
    }

    public FrameBuilder flowLabel(int value) {
        flowLabel = value;
        return this;
    }

    public FrameBuilder extension(Ipv6Extension extension) {
        extensions.add(extension);
        return this;
    }

    public FrameBuilder tcp(int source, int destination) {
        protocol = FrameLayout.PROTOCOL_TCP;
        transportHeader = TransportHeader.TCP;
        sourcePort = source;
        destinationPort = destination;
        return this;
    }

    public FrameBuilder udp(int source, int destination) {
        protocol = FrameLayout.PROTOCOL_UDP;
        transportHeader = TransportHeader.UDP;
        sourcePort = source;
        destinationPort = destination;
        return this;
    }

    /**
     * Any upper-layer protocol with no header built for it: the payload follows the IP header directly.
     * With 6 or 17 that is the rest of a fragment, or a TCP or UDP header the caller wrote itself.
     */
    public FrameBuilder protocol(int number) {
        protocol = number;
        transportHeader = TransportHeader.NONE;
        return this;
    }

    public FrameBuilder seq(long value) {
        seq = value & 0xFFFFFFFFL;
        return this;
    }

    public FrameBuilder ack(long value) {
        ack = value & 0xFFFFFFFFL;
        return this;
    }

    public FrameBuilder flags(int value) {
        tcpFlags = value;
        return this;
    }

    public FrameBuilder window(int value) {
        window = value;
        return this;
    }

    public FrameBuilder urgentPointer(int value) {
        urgentPointer = value;
        return this;
    }

    /** TCP options; padded with End of Options List to a multiple of 4. */
    public FrameBuilder tcpOptions(byte[] options) {
        tcpOptions = java.util.Arrays.copyOf(options, (options.length + 3) / 4 * 4);
        return this;
    }

    public FrameBuilder payload(byte[] bytes) {
        payload = bytes.clone();
        return this;
    }

    public byte[] build() {
        byte[] l4 = transport();
        byte[] l3 = ipVersion == 4 ? ipv4Header(l4.length) : ipVersion == 6 ? ipv6Header(l4.length) : new byte[0];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(destinationMac);
        out.writeBytes(sourceMac);
        for (int[] tag : tags) {
            out.write(tag[0] >>> 8);
            out.write(tag[0]);
            out.write(tag[1] >>> 8);
            out.write(tag[1]);
        }
        int etherType = ipVersion == 4 ? 0x0800 : ipVersion == 6 ? 0x86DD : 0x0806;
        out.write(etherType >>> 8);
        out.write(etherType);
        out.writeBytes(l3);
        out.writeBytes(l4);
        byte[] frame = out.toByteArray();
        if (ipVersion == 0) {
            return frame;
        }
        FrameLayout layout = FrameParser.parse(frame).layout();
        if (layout.isIPv4()) {
            Bytes.put16(frame, layout.ipv4ChecksumOffset(), FrameChecksums.ipv4HeaderChecksum(frame, layout));
        }
        if (layout.transportChecksumOffset() >= 0) {
            int checksum = FrameChecksums.transportChecksum(frame, layout);
            Bytes.put16(frame, layout.transportChecksumOffset(), checksum == 0 && layout.isUdp() ? 0xFFFF : checksum);
        }
        return frame;
    }

    private byte[] transport() {
        if (transportHeader == TransportHeader.TCP) {
            byte[] b = new byte[20 + tcpOptions.length + payload.length];
            Bytes.put16(b, 0, sourcePort);
            Bytes.put16(b, 2, destinationPort);
            Bytes.put32(b, 4, seq);
            Bytes.put32(b, 8, ack);
            b[12] = (byte) ((20 + tcpOptions.length) / 4 << 4);
            b[13] = (byte) tcpFlags;
            Bytes.put16(b, 14, window);
            Bytes.put16(b, 18, urgentPointer);
            System.arraycopy(tcpOptions, 0, b, 20, tcpOptions.length);
            System.arraycopy(payload, 0, b, 20 + tcpOptions.length, payload.length);
            return b;
        }
        if (transportHeader == TransportHeader.UDP) {
            byte[] b = new byte[8 + payload.length];
            Bytes.put16(b, 0, sourcePort);
            Bytes.put16(b, 2, destinationPort);
            Bytes.put16(b, 4, b.length);
            System.arraycopy(payload, 0, b, 8, payload.length);
            return b;
        }
        return payload.clone();
    }

    private byte[] ipv4Header(int transportLength) {
        int headerLength = 20 + ipv4Options.length;
        byte[] b = new byte[headerLength];
        b[0] = (byte) (0x40 | headerLength / 4);
        b[1] = (byte) tos;
        Bytes.put16(b, 2, headerLength + transportLength);
        Bytes.put16(b, 4, ipId);
        Bytes.put16(b, 6, (dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0) | fragmentOffset);
        b[8] = (byte) ttl;
        b[9] = (byte) protocol;
        System.arraycopy(sourceIp, 0, b, 12, 4);
        System.arraycopy(destinationIp, 0, b, 16, 4);
        System.arraycopy(ipv4Options, 0, b, 20, ipv4Options.length);
        return b;
    }

    private byte[] ipv6Header(int transportLength) {
        int extensionBytes = extensions.stream().mapToInt(e -> e.bytes().length).sum();
        byte[] b = new byte[40 + extensionBytes];
        Bytes.put32(b, 0, 6L << 28 | (long) (tos & 0xFF) << 20 | (flowLabel & 0xFFFFF));
        Bytes.put16(b, 4, extensionBytes + transportLength);
        b[6] = (byte) (extensions.isEmpty() ? protocol : extensions.get(0).type());
        b[7] = (byte) ttl;
        System.arraycopy(sourceIp, 0, b, 8, 16);
        System.arraycopy(destinationIp, 0, b, 24, 16);
        int p = 40;
        for (int i = 0; i < extensions.size(); i++) {
            byte[] header = extensions.get(i).bytes().clone();
            header[0] = (byte) (i + 1 < extensions.size() ? extensions.get(i + 1).type() : protocol);
            System.arraycopy(header, 0, b, p, header.length);
            p += header.length;
        }
        return b;
    }
}
