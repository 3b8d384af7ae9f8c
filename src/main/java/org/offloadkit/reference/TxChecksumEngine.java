package org.offloadkit.reference;

import static org.offloadkit.packet.InternetChecksum.complement;
import static org.offloadkit.packet.InternetChecksum.sum;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;

/**
 * Transmit checksum offload as the spec has the NIC do it (section 1.3): for each Required layer, compute
 * the checksum; leave everything else as the stack left it.
 *
 * <p>The stack seeds a TCP or UDP checksum field with the pseudo-header sum (length included), so the NIC
 * sums the transport header and payload with the seed in place and writes the complement. A UDP result
 * of 0 goes out as 0xFFFF, because 0 means "no checksum" (RFC 768; CSUM-TX-06). The IPv4 header checksum
 * field is ignored on input and computed afresh.
 */
public final class TxChecksumEngine {
    private TxChecksumEngine() {}

    /** The frame as the wire should carry it. The input is not changed. */
    public static byte[] apply(byte[] frame, FrameLayout layout, TxChecksum request) {
        byte[] out = frame.clone();
        applyInPlace(out, layout, request);
        return out;
    }

    public static void applyInPlace(byte[] frame, FrameLayout layout, TxChecksum request) {
        if (request.layer3() == TxChecksumAction.REQUIRED && layout.isIPv4()) {
            Bytes.put16(frame, layout.ipv4ChecksumOffset(), FrameChecksums.ipv4HeaderChecksum(frame, layout));
        }
        int field = layout.transportChecksumOffset();
        if (request.layer4() == TxChecksumAction.REQUIRED && field >= 0) {
            int checksum = complement(sum(frame, layout.layer4Offset(), layout.transportLength()));
            if (checksum == 0 && layout.isUdp()) {
                checksum = 0xFFFF;
            }
            Bytes.put16(frame, field, checksum);
        }
    }

    /** The seed a stack leaves in a TCP or UDP checksum field for plain checksum offload (spec 1.3). */
    public static int seed(byte[] frame, FrameLayout layout) {
        return InternetChecksum.pseudoHeaderSum(frame, layout, layout.transportLength());
    }
}
