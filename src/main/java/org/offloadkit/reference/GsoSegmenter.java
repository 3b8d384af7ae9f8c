package org.offloadkit.reference;

import static org.offloadkit.packet.Bytes.put16;
import static org.offloadkit.packet.Bytes.put32;
import static org.offloadkit.packet.Bytes.u16;
import static org.offloadkit.packet.Bytes.u32;
import static org.offloadkit.packet.InternetChecksum.add;
import static org.offloadkit.packet.InternetChecksum.complement;
import static org.offloadkit.packet.InternetChecksum.sum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.ParseResult;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.reference.Segmentation.Reason;
import org.offloadkit.reference.Segmentation.Refused;
import org.offloadkit.reference.Segmentation.Segments;
import org.offloadkit.spec.GsoRequest;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.LargeSend.Flavor;

/**
 * Segmentation offload as the spec has the NIC do it (sections 2.2 to 2.4): a pure function from a large
 * send's template, its flavour and MSS to the frames for the wire, byte for byte.
 *
 * <p>TCP (LSOv1, LSOv2): MSS payload bytes a segment but the last; the template's headers on every segment,
 * IPv4 options, IPv6 extension headers and TCP options unchanged; seq(i) = seq + i·MSS mod 2^32; FIN and PSH
 * on the last segment only, CWR on the first only; lengths and both checksums per segment. UDP (USO): MSS
 * bytes a datagram but the last; UDP Length per datagram; a template UDP checksum of 0 stays 0 on every
 * datagram. IPv4 IDs run from the template's: LSOv2 wraps 0x7FFF to 0x0000 within the half the template
 * is in (the stack only uses the lower one), USO and LSOv1 wrap at 16 bits (for LSOv1 the spec has no rule:
 * [GAP], this is the kit's choice).
 *
 * <p>The stack seeds the transport checksum with the pseudo-header sum without the length (spec 2.2), so a
 * segment's checksum is the complement of that seed, plus the segment's transport length, plus the sum of
 * its header and payload. A computed UDP checksum of 0 goes out as 0xFFFF, as for plain checksum offload.
 *
 * <p>Each segment is one array copied once: the payload slice is copied with the header room in front of
 * it, then the template's headers over that room, so nothing is zeroed or copied twice but the headers.
 */
public final class GsoSegmenter {

    /**
     * What the hardware promised, and so what it must fail beyond.
     *
     * @param maximumOffloadSize          the most user bytes in one send; 0 = no limit
     * @param minimumSegmentCount         the fewest segments one send may make
     * @param subMssFinalSegmentSupported whether a USO send's last datagram may be shorter than the MSS
     */
    public record Limits(long maximumOffloadSize, long minimumSegmentCount, boolean subMssFinalSegmentSupported) {

        /** The framework's software fallback checks none of them again (spec 5.8(a)). */
        public static final Limits UNCHECKED = new Limits(0, 1, true);

        public static Limits of(GsoShapes shapes, boolean subMssFinalSegmentSupported) {
            return new Limits(shapes.maximumOffloadSize(), shapes.minimumSegmentCount(), subMssFinalSegmentSupported);
        }
    }

    /** What the segments' checksum fields hold. */
    public enum Checksums {
        /** The checksums the wire carries. */
        FINISHED,
        /**
         * Ready for checksum offload, as the stack would hand each segment over on its own (spec 1.3): the
         * transport checksum seeded with the pseudo-header sum including the length, the IPv4 header checksum 0.
         * NetAdapterCx's software segmentation leaves the checksums to the checksum path this way (spec 5.8(a)).
         */
        SEEDED
    }

    private static final int MAX_IP_LENGTH = 0xFFFF;

    private GsoSegmenter() {}

    /** The frames a correct NIC puts on the wire for the large send, or why it must fail it. */
    public static Segmentation segment(byte[] template, LargeSend send, Limits limits, Checksums checksums) {
        ParseResult parsed = parseTemplate(template, send.flavor());
        if (!(parsed instanceof FrameLayout layout)) {
            return new Refused(Reason.MALFORMED_TEMPLATE, send.flavor().label + " template: " + parsed);
        }
        String mismatch = mismatch(layout, send.flavor());
        if (mismatch != null) {
            return new Refused(Reason.NOT_A_LARGE_SEND, mismatch);
        }
        int mss = send.mss();
        int payload = layout.payloadLength();
        if (mss == 0) {
            return new Refused(Reason.MSS_ZERO, send.toString());
        }
        if (mss < 0 || mss > GsoRequest.MAX_MSS) {
            return new Refused(Reason.MSS_TOO_LARGE, "MSS " + mss + ", the field holds up to " + GsoRequest.MAX_MSS);
        }
        if (limits.maximumOffloadSize() != 0 && payload > limits.maximumOffloadSize()) {
            return new Refused(Reason.OVER_MAXIMUM_OFFLOAD_SIZE, payload + " user bytes, MaximumOffloadSize " + limits.maximumOffloadSize());
        }
        int count = (int) ((payload + (long) mss - 1) / mss);
        if (count < limits.minimumSegmentCount()) {
            return new Refused(Reason.FEWER_THAN_MINIMUM_SEGMENTS, payload + " user bytes at MSS " + mss + " make " + count
                    + " segment(s), MinimumSegmentCount " + limits.minimumSegmentCount());
        }
        if (send.flavor() == Flavor.USO && payload % mss != 0 && !limits.subMssFinalSegmentSupported()) {
            return new Refused(Reason.SUB_MSS_FINAL_SEGMENT_UNSUPPORTED, payload + " user bytes at MSS " + mss + " leave "
                    + payload % mss + " for the last datagram");
        }
        int largest = ipLengthField(layout, Math.min(mss, payload));
        if (largest > MAX_IP_LENGTH) {
            return new Refused(Reason.MSS_TOO_LARGE, "a segment of MSS " + mss + " needs an IP length of " + largest);
        }
        return new Segments(cut(template, layout, send.flavor(), mss, count, checksums), layout, payload);
    }

    /**
     * The template's layout, read as its flavour says: an LSOv1 template carries its full length in the IPv4
     * Total Length and parses strictly; LSOv2 and USO templates take their length from the buffer.
     */
    public static ParseResult parseTemplate(byte[] template, Flavor flavor) {
        return flavor == Flavor.LSO_V1 ? FrameParser.parse(template) : FrameParser.parseLargeSend(template);
    }

    private static String mismatch(FrameLayout layout, Flavor flavor) {
        boolean transport = flavor.isLso() ? layout.isTcp() : layout.isUdp();
        boolean network = flavor == Flavor.LSO_V1 ? layout.isIPv4() : layout.isIPv4() || layout.isIPv6();
        if (transport && network) {
            return null;
        }
        return flavor.label + " segments " + (flavor == Flavor.LSO_V1 ? "IPv4 " : "IPv4 or IPv6 ")
                + (flavor.isLso() ? "TCP" : "UDP") + "; the template is " + layout.describe();
    }

    /** What the segment's IPv4 Total Length or IPv6 Payload Length holds for a payload of this size. */
    private static int ipLengthField(FrameLayout layout, int payload) {
        int afterIp = layout.layer4Length() + payload;
        return layout.isIPv4() ? layout.layer3Length() + afterIp : layout.layer3Length() - 40 + afterIp;
    }

    private static List<byte[]> cut(byte[] template, FrameLayout layout, Flavor flavor, int mss, int count, Checksums checksums) {
        int headers = layout.payloadOffset();
        int l3 = layout.layer3Offset();
        int l4 = layout.layer4Offset();
        int checksumField = layout.transportChecksumOffset();
        int seed = u16(template, checksumField);
        boolean udpWithoutChecksum = layout.isUdp() && seed == 0;
        int firstId = layout.isIPv4() ? u16(template, l3 + 4) : 0;
        long firstSeq = layout.isTcp() ? u32(template, l4 + 4) : 0;
        int flags = layout.isTcp() ? template[l4 + 13] & 0xFF : 0;
        int payload = layout.payloadLength();
        List<byte[]> segments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int offset = i * mss;
            int length = Math.min(mss, payload - offset);
            // The payload slice lands right after room for the headers, which are then copied over that room.
            byte[] s = Arrays.copyOfRange(template, offset, offset + headers + length);
            System.arraycopy(template, 0, s, 0, headers);
            int transportLength = s.length - l4;
            if (layout.isIPv4()) {
                put16(s, l3 + 2, s.length - l3);
                put16(s, l3 + 4, ipv4Id(flavor, firstId, i));
                put16(s, l3 + 10, checksums == Checksums.FINISHED ? FrameChecksums.ipv4HeaderChecksum(s, layout) : 0);
            } else {
                put16(s, l3 + 4, s.length - l3 - 40);
            }
            if (layout.isTcp()) {
                put32(s, l4 + 4, firstSeq + (long) offset);
                s[l4 + 13] = (byte) segmentFlags(flags, i, count);
            } else {
                put16(s, l4 + 4, transportLength);
            }
            if (!udpWithoutChecksum) {
                put16(s, checksumField, checksums == Checksums.FINISHED
                        ? transportChecksum(s, l4, transportLength, layout.isUdp())
                        : add(seed, transportLength));
            }
            segments.add(s);
        }
        return segments;
    }

    /** LSOv2: wraps 0x7FFF to 0x0000 in the half the template's ID is in (spec 2.3 item 6). USO, LSOv1: 16 bits. */
    public static int ipv4Id(Flavor flavor, int firstId, int i) {
        return flavor == Flavor.LSO_V2 ? (firstId & 0x8000) | ((firstId + i) & 0x7FFF) : (firstId + i) & 0xFFFF;
    }

    /** FIN and PSH only on the last segment, CWR only on the first (spec 2.3 item 4); one segment keeps all. */
    static int segmentFlags(int flags, int i, int count) {
        int out = flags;
        if (i < count - 1) {
            out &= ~(TcpFlags.FIN | TcpFlags.PSH);
        }
        if (i > 0) {
            out &= ~TcpFlags.CWR;
        }
        return out;
    }

    /** The checksum field holds the seed (pseudo-header sum without length): add the length and the segment. */
    private static int transportChecksum(byte[] s, int l4, int transportLength, boolean udp) {
        int checksum = complement(add(sum(s, l4, transportLength), transportLength));
        return checksum == 0 && udp ? 0xFFFF : checksum;
    }
}
