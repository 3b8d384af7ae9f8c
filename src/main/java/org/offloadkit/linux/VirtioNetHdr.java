package org.offloadkit.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.packet.ParseResult;

/**
 * struct virtio_net_hdr, the 10-byte legacy header a packet socket with PACKET_VNET_HDR puts before every
 * frame it sends or receives: what to segment and which checksum to complete on the way out, what was
 * coalesced and whether the checksum was checked on the way in. The legacy header is in the host's byte
 * order (little-endian on x86 and arm64), as the kernel reads it for packet sockets.
 *
 * @param flags      {@link #F_NEEDS_CSUM}, {@link #F_DATA_VALID}
 * @param gsoType    {@link #GSO_NONE}, {@link #GSO_TCPV4}, {@link #GSO_UDP}, {@link #GSO_TCPV6},
 *                   {@link #GSO_UDP_L4}, possibly with {@link #GSO_ECN}
 * @param hdrLen     bytes of headers (a hint of how much to keep linear on send; the linear part on receive)
 * @param gsoSize    payload bytes per segment
 * @param csumStart  where the checksummed range starts, counted from the frame's first byte
 * @param csumOffset where the checksum goes, counted from {@code csumStart}
 */
public record VirtioNetHdr(int flags, int gsoType, int hdrLen, int gsoSize, int csumStart, int csumOffset) {
    /** Send: the checksum from csumStart on is left to complete (the field holds the pseudo-header sum). */
    public static final int F_NEEDS_CSUM = 1;
    /** Receive: the checksum was checked and is good. */
    public static final int F_DATA_VALID = 2;

    /** No offload asked for, or none done: all zero. */
    public static final VirtioNetHdr NONE = new VirtioNetHdr(0, 0, 0, 0, 0, 0);

    /** Nothing to segment, or not coalesced. */
    public static final int GSO_NONE = 0;
    /** TCP over IPv4 (TSO; on receive, a GRO unit). */
    public static final int GSO_TCPV4 = 1;
    /** UDP fragmentation offload (UFO): one datagram cut into IP fragments. */
    public static final int GSO_UDP = 3;
    /** TCP over IPv6. */
    public static final int GSO_TCPV6 = 4;
    /** UDP segmentation offload (USO): one UDP datagram per segment. */
    public static final int GSO_UDP_L4 = 5;

    /**
     * The header that asks the kernel to segment a TCP or UDP frame into {@code gsoSize}-byte payloads and
     * complete every segment's TCP or UDP checksum. The frame's checksum field must hold what
     * {@link #withPseudoHeaderSum} puts there.
     */
    public static VirtioNetHdr segmentation(byte[] frame, int gsoSize) {
        return segmentation(layout(frame), gsoSize);
    }

    /** {@link #segmentation(byte[], int)} for a frame laid out as {@code layout}, such as a large send's template. */
    public static VirtioNetHdr segmentation(FrameLayout layout, int gsoSize) {
        int type = layout.isUdp() ? GSO_UDP_L4 : layout.isIPv4() ? GSO_TCPV4 : GSO_TCPV6;
        return new VirtioNetHdr(F_NEEDS_CSUM, type, layout.payloadOffset(), gsoSize,
                layout.layer4Offset(), layout.transportChecksumOffset() - layout.layer4Offset());
    }

    /**
     * A copy of a TCP or UDP frame whose checksum field holds the pseudo-header sum, folded and not
     * complemented: the seed NEEDS_CSUM expects, which the kernel completes, and adjusts for each segment's
     * length when it segments. It takes the old length out again as it put it in: TCP the whole transport
     * length (tcp_gso_segment, a 32-bit length as RFC 8200 sums it), UDP the UDP Length field
     * (__udp_gso_segment), which for a send of over 64 KiB cannot hold the real one.
     */
    public static byte[] withPseudoHeaderSum(byte[] frame) {
        return withPseudoHeaderSum(frame, layout(frame));
    }

    /**
     * A large send's template as a Linux GSO unit holds it: the lengths of the whole unit (IPv4 Total Length,
     * IPv6 Payload Length, UDP Length) where an NDIS stack may leave them 0, and the
     * pseudo-header sum over its whole transport length. The kernel's UDP segmentation adjusts each
     * datagram's checksum from the template's UDP Length, so it must be the unit's.
     */
    public static byte[] largeSend(byte[] frame, FrameLayout layout) {
        byte[] unit = frame.clone();
        int l3 = layout.layer3Offset();
        if (layout.isIPv4()) {
            Bytes.put16(unit, l3 + 2, layout.ipEnd() - l3);
        } else if (layout.isIPv6()) {
            Bytes.put16(unit, l3 + 4, layout.ipEnd() - l3 - 40);
        }
        if (layout.isUdp()) {
            Bytes.put16(unit, layout.layer4Offset() + 4, layout.transportLength());
        }
        return withPseudoHeaderSum(unit, layout);
    }

    /** The header that asks the kernel to complete the TCP or UDP checksum of one frame laid out as {@code layout}. */
    public static VirtioNetHdr checksum(FrameLayout layout) {
        return new VirtioNetHdr(F_NEEDS_CSUM, GSO_NONE, layout.payloadOffset(), 0,
                layout.layer4Offset(), layout.transportChecksumOffset() - layout.layer4Offset());
    }

    /** {@link #withPseudoHeaderSum(byte[])} for a frame laid out as {@code layout}, such as a large send's template. */
    public static byte[] withPseudoHeaderSum(byte[] frame, FrameLayout layout) {
        byte[] seeded = frame.clone();
        int length = layout.isUdp() ? Bytes.u16(frame, layout.layer4Offset() + 4) : layout.transportLength();
        Bytes.put16(seeded, layout.transportChecksumOffset(), InternetChecksum.pseudoHeaderSum(frame, layout, length));
        return seeded;
    }

    public static final int LENGTH = 10;

    public static VirtioNetHdr decode(byte[] bytes, int offset) {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, LENGTH).order(ByteOrder.nativeOrder());
        return new VirtioNetHdr(b.get() & 0xFF, b.get() & 0xFF, b.getShort() & 0xFFFF, b.getShort() & 0xFFFF,
                b.getShort() & 0xFFFF, b.getShort() & 0xFFFF);
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH).order(ByteOrder.nativeOrder());
        b.put((byte) flags).put((byte) gsoType).putShort((short) hdrLen).putShort((short) gsoSize)
                .putShort((short) csumStart).putShort((short) csumOffset);
        return b.array();
    }

    /** The same header for the frame with {@code bytes} more in front of its network header (a VLAN tag put back). */
    public VirtioNetHdr shifted(int bytes) {
        return new VirtioNetHdr(flags, gsoType, hdrLen == 0 ? 0 : hdrLen + bytes, gsoSize,
                needsCsum() ? csumStart + bytes : csumStart, csumOffset);
    }

    /** Added to TCPV4 or TCPV6 when the unit carries CWR (ECN in use). */
    public static final int GSO_ECN = 0x80;

    /** The GSO type without the ECN bit. */
    public int gsoKind() {
        return gsoType & ~GSO_ECN;
    }

    public boolean isGso() {
        return gsoKind() != GSO_NONE;
    }

    public boolean ecn() {
        return (gsoType & GSO_ECN) != 0;
    }

    public boolean needsCsum() {
        return (flags & F_NEEDS_CSUM) != 0;
    }

    public boolean dataValid() {
        return (flags & F_DATA_VALID) != 0;
    }

    /** "TCPV4|ECN gso_size 1448, NEEDS_CSUM at 34+16, hdr_len 66". */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(switch (gsoKind()) {
            case GSO_NONE -> "no GSO";
            case GSO_TCPV4 -> "TCPV4";
            case GSO_UDP -> "UDP";
            case GSO_TCPV6 -> "TCPV6";
            case GSO_UDP_L4 -> "UDP_L4";
            default -> "gso_type " + gsoKind();
        } + (ecn() ? "|ECN" : "") + (isGso() ? " gso_size " + gsoSize : ""));
        if (needsCsum()) {
            parts.add("NEEDS_CSUM at " + csumStart + "+" + csumOffset);
        }
        if (dataValid()) {
            parts.add("DATA_VALID");
        }
        parts.add("hdr_len " + hdrLen);
        return String.join(", ", parts);
    }

    private static FrameLayout layout(byte[] frame) {
        ParseResult parsed = FrameParser.parse(frame);
        if (!(parsed instanceof FrameLayout layout) || layout.transportChecksumOffset() < 0) {
            throw new IllegalArgumentException("not a TCP or UDP frame: " + parsed);
        }
        return layout;
    }
}
