package org.offloadkit.corpus;

import java.util.Arrays;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.spec.LargeSend.Flavor;

/**
 * Large sends as the stack hands them over (spec 2.2): one frame, the template's headers followed by every
 * user byte, and the transport checksum seeded with the pseudo-header sum without the length.
 *
 * <p>Length fields: an LSOv1 template carries its full length in the IPv4 Total Length; an LSOv2 one 0. For
 * what the buffer alone defines the spec gives no value, [GAP]: the kit's stack writes 0 in the IPv6
 * Payload Length (LSOv2 and USO), the IPv4 Total Length of USO and the UDP Length, as LSOv2 does for IPv4,
 * so an adapter that reads any of them instead of the buffer's length is caught. The IPv4 header checksum
 * is 0: the NIC computes it per segment.
 */
public final class GsoTemplates {
    private GsoTemplates() {}

    /** The template for {@code payload} behind the headers {@code headers} builds, with a UDP checksum if UDP. */
    public static byte[] template(FrameBuilder headers, byte[] payload, Flavor flavor) {
        return template(headers, payload, flavor, true);
    }

    /**
     * @param udpChecksum false for a USO send without UDP checksums: the template's field is 0 and every
     *                    datagram's stays 0 (spec 2.4 item 3)
     */
    public static byte[] template(FrameBuilder headers, byte[] payload, Flavor flavor, boolean udpChecksum) {
        byte[] empty = headers.payload(new byte[0]).build();
        return template(empty, FrameParser.parse(empty).layout(), payload, flavor, udpChecksum);
    }

    /**
     * The template for {@code payload} behind the first {@code layout.payloadOffset()} bytes of {@code headers}
     * (a frame whose headers are laid out as {@code layout}), as the stack hands it over.
     */
    public static byte[] template(byte[] headers, FrameLayout layout, byte[] payload, Flavor flavor, boolean udpChecksum) {
        int headerLength = layout.payloadOffset();
        byte[] t = Arrays.copyOf(headers, headerLength + payload.length);
        System.arraycopy(payload, 0, t, headerLength, payload.length);
        int l3 = layout.layer3Offset();
        if (layout.isIPv4()) {
            int totalLength = t.length - l3;
            if (flavor == Flavor.LSO_V1 && totalLength > 0xFFFF) {
                throw new IllegalArgumentException("an LSOv1 send of " + totalLength + " bytes does not fit the IPv4 Total Length");
            }
            Bytes.put16(t, l3 + 2, flavor == Flavor.LSO_V1 ? totalLength : 0);
            Bytes.put16(t, layout.ipv4ChecksumOffset(), 0);
        } else {
            Bytes.put16(t, l3 + 4, 0);
        }
        if (layout.isUdp()) {
            Bytes.put16(t, layout.layer4Offset() + 4, 0);
        }
        boolean seeded = layout.isTcp() || udpChecksum;
        Bytes.put16(t, layout.transportChecksumOffset(), seeded ? InternetChecksum.pseudoHeaderSumWithoutLength(t, layout) : 0);
        return t;
    }
}
