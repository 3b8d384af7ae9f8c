package org.offloadkit.framework;

import static org.offloadkit.spec.TxChecksumAction.REQUIRED;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumShapes;

/**
 * Where a transmit checksum request goes (spec 5.8(b)): to the hardware, or to the framework's software
 * checksum, after which the driver sees Passthrough on both layers (CSUM-TX-04). The decision reads the
 * hardware capabilities the driver advertised, not the active set or the keywords: those decide what NDIS
 * exposes, and so whether the stack asks at all.
 *
 * @param rule   which rule decided
 * @param detail the values involved, for the report
 */
public record ChecksumRoute(Rule rule, String detail) {

    /** The rules of 5.8(b), in the order NetAdapterCx applies them. */
    public enum Rule {
        NOTHING_REQUIRED(false),
        NO_HARDWARE_CAPABILITIES(true),
        LAYER4_FLAG_MISSING(true),
        /** An unspecified layer 3 type ends the check: neither flags nor offset limits apply (CSUM-TX-05). */
        LAYER3_TYPE_UNSPECIFIED(false),
        LAYER3_FLAG_MISSING(true),
        LAYER4_OFFSET_BEYOND_LIMIT(true),
        LAYER3_OFFSET_BEYOND_LIMIT(true),
        WITHIN_HARDWARE_CAPABILITIES(false);

        public final boolean software;

        Rule(boolean software) {
            this.software = software;
        }
    }

    public static ChecksumRoute of(FrameLayout layout, TxChecksum request, TxChecksumShapes hardware) {
        if (!request.anyRequired()) {
            return new ChecksumRoute(Rule.NOTHING_REQUIRED, "");
        }
        if (hardware.isEmpty()) {
            return new ChecksumRoute(Rule.NO_HARDWARE_CAPABILITIES, "");
        }
        if (request.layer4() == REQUIRED) {
            Layer4Flag needed = TxChecksumShapes.flagFor(layout);
            if (needed != null && !hardware.has(needed)) {
                return new ChecksumRoute(Rule.LAYER4_FLAG_MISSING, needed.name());
            }
        }
        Layer3Flag layer3 = TxChecksumShapes.flagFor(layout.layer3Type());
        if (layer3 == null) {
            return new ChecksumRoute(Rule.LAYER3_TYPE_UNSPECIFIED, layout.layer3Type().name());
        }
        if (!hardware.has(layer3)) {
            return new ChecksumRoute(Rule.LAYER3_FLAG_MISSING, layer3.name());
        }
        int limit4 = hardware.layer4HeaderOffsetLimit();
        if (limit4 != 0 && limit4 < layout.layer4Offset()) {
            return new ChecksumRoute(Rule.LAYER4_OFFSET_BEYOND_LIMIT, "offset " + layout.layer4Offset() + ", limit " + limit4);
        }
        int limit3 = hardware.layer3HeaderOffsetLimit();
        if (limit3 != 0 && limit3 < layout.layer3Offset()) {
            return new ChecksumRoute(Rule.LAYER3_OFFSET_BEYOND_LIMIT, "offset " + layout.layer3Offset() + ", limit " + limit3);
        }
        return new ChecksumRoute(Rule.WITHIN_HARDWARE_CAPABILITIES, "");
    }

    /** True when the framework computes the checksums itself and the driver sees Passthrough. */
    public boolean software() {
        return rule.software;
    }

    @Override
    public String toString() {
        return (software() ? "software: " : "hardware: ") + rule + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
