package org.offloadkit.reference;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.ParseResult;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;

/**
 * Receive checksum evaluation: Valid or Invalid for each layer the active set covers, NotChecked for the
 * rest (CSUM-RX-02, CSUM-RX-03).
 *
 * <p>IPv6 has no header checksum, so its layer 3 is NotChecked. Fragments carry no whole transport
 * segment, so their layer 4 is NotChecked. A UDP checksum of 0 means "none sent": over IPv4 that is
 * legal and this engine calls it Valid (the spec only says it is not Invalid, CSUM-RX-02); over IPv6 it
 * is forbidden (RFC 8200 section 8.1) and Invalid.
 */
public final class RxChecksumEvaluator {
    private RxChecksumEvaluator() {}

    /** The indication a correct adapter gives for {@code frame} under the active set. */
    public static RxIndication indicate(byte[] frame, RxChecksumOffload active) {
        ParseResult parsed = FrameParser.parse(frame);
        if (!(parsed instanceof FrameLayout layout)) {
            return new RxIndication(frame, FrameLayout.unknown(frame.length), RxChecksum.NOT_CHECKED);
        }
        return new RxIndication(frame, layout, evaluate(frame, layout, active));
    }

    public static RxChecksum evaluate(byte[] frame, FrameLayout layout, RxChecksumOffload active) {
        return new RxChecksum(layer3(frame, layout, active), layer4(frame, layout, active));
    }

    private static RxChecksumEvaluation layer3(byte[] frame, FrameLayout layout, RxChecksumOffload active) {
        if (!layout.isIPv4() || !active.ipv4()) {
            return RxChecksumEvaluation.NOT_CHECKED;
        }
        return verdict(FrameChecksums.ipv4HeaderVerifies(frame, layout));
    }

    private static RxChecksumEvaluation layer4(byte[] frame, FrameLayout layout, RxChecksumOffload active) {
        if (layout.isTcp() && active.tcp()) {
            return verdict(FrameChecksums.transportVerifies(frame, layout));
        }
        if (layout.isUdp() && active.udp()) {
            if (Bytes.u16(frame, layout.transportChecksumOffset()) == 0) {
                return layout.isIPv4() ? RxChecksumEvaluation.VALID : RxChecksumEvaluation.INVALID;
            }
            return verdict(FrameChecksums.transportVerifies(frame, layout));
        }
        return RxChecksumEvaluation.NOT_CHECKED;
    }

    private static RxChecksumEvaluation verdict(boolean verifies) {
        return verifies ? RxChecksumEvaluation.VALID : RxChecksumEvaluation.INVALID;
    }
}
