package org.offloadkit.framework;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.GsoRequest;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxChecksumShapes;

/**
 * Where a large send goes (spec 5.8(a)): to the hardware with its ms_packet_gso, or to the framework's
 * software segmentation, after which the driver sees each segment with Mss 0 and a checksum request of its
 * own (GSO-FB-01, GSO-FB-02). As for checksums, the decision reads the hardware capabilities the driver
 * advertised; the maximum size and minimum segment count are not checked again.
 *
 * @param rule   which rule decided
 * @param detail the values involved, for the report
 */
public record GsoRoute(Rule rule, String detail) {

    /** The rules of 5.8(a), in the order the spec lists them. */
    public enum Rule {
        /** Mss 0, or neither TCP nor UDP: nothing to segment. */
        NO_SEGMENTATION(false),
        NO_HARDWARE_CAPABILITIES(true),
        /** An unspecified layer 3 type ends the check: no fallback, and no offset limit either. */
        LAYER3_TYPE_UNSPECIFIED(false),
        LAYER3_FLAG_MISSING(true),
        LAYER4_FLAG_MISSING(true),
        LAYER4_OFFSET_BEYOND_LIMIT(true),
        WITHIN_HARDWARE_CAPABILITIES(false);

        public final boolean software;

        Rule(boolean software) {
            this.software = software;
        }
    }

    public static GsoRoute of(FrameLayout layout, GsoRequest request, GsoShapes hardware) {
        if (request.mss() == 0 || !(layout.isTcp() || layout.isUdp())) {
            return new GsoRoute(Rule.NO_SEGMENTATION, request.mss() == 0 ? "" : layout.layer4Type().name());
        }
        if (hardware.isEmpty()) {
            return new GsoRoute(Rule.NO_HARDWARE_CAPABILITIES, "");
        }
        Layer3Flag layer3 = GsoShapes.flagFor(layout);
        if (layer3 == null) {
            return new GsoRoute(Rule.LAYER3_TYPE_UNSPECIFIED, layout.layer3Type().name());
        }
        if (!hardware.has(layer3)) {
            return new GsoRoute(Rule.LAYER3_FLAG_MISSING, layer3.name());
        }
        Layer4Flag layer4 = TxChecksumShapes.flagFor(layout);
        if (!hardware.has(layer4)) {
            return new GsoRoute(Rule.LAYER4_FLAG_MISSING, layer4.name());
        }
        int limit = hardware.layer4HeaderOffsetLimit();
        if (limit != 0 && limit < layout.layer4Offset()) {
            return new GsoRoute(Rule.LAYER4_OFFSET_BEYOND_LIMIT, "L2+L3 " + layout.layer4Offset() + ", limit " + limit);
        }
        return new GsoRoute(Rule.WITHIN_HARDWARE_CAPABILITIES, "");
    }

    /** True when the framework segments the send itself and the driver sees segments with Mss 0. */
    public boolean software() {
        return rule.software;
    }

    /**
     * The checksum request the framework re-derives for a segment it made (spec 5.8(a)): the IPv4 header and
     * the transport checksum Required, except a UDP checksum the template left 0, which stays 0 (spec 2.4 item 3).
     */
    public static TxChecksum segmentChecksum(byte[] segment, FrameLayout layout) {
        boolean transport = !(layout.isUdp() && Bytes.u16(segment, layout.transportChecksumOffset()) == 0);
        return new TxChecksum(layout.isIPv4() ? TxChecksumAction.REQUIRED : TxChecksumAction.PASSTHROUGH,
                transport ? TxChecksumAction.REQUIRED : TxChecksumAction.PASSTHROUGH);
    }

    @Override
    public String toString() {
        return (software() ? "software: " : "hardware: ") + rule + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
