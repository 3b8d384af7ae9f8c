package org.offloadkit.fuzz;

import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameFields;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Layer4Type;
import org.offloadkit.packet.Malformed;
import org.offloadkit.packet.ParseResult;

/**
 * Any bytes a DUT puts on the wire: the layout parser (strict and for large-send templates) gives a layout
 * that stays inside the frame or names what is malformed, and the kit's readers of a layout (checksums, the
 * field decoder behind every diff) take whatever it gives.
 */
public final class FrameParserFuzz {
    private FrameParserFuzz() {}

    public static void fuzzerTestOneInput(byte[] frame) {
        check(frame, FrameParser.parse(frame));
        check(frame, FrameParser.parseLargeSend(frame));
        FrameFields.decode(frame);
    }

    private static void check(byte[] frame, ParseResult result) {
        if (result instanceof Malformed malformed) {
            BadInput.requireClear(malformed.reason() == null ? null : malformed.toString());
            if (malformed.offset() < 0 || malformed.offset() > frame.length) {
                throw new AssertionError("malformation offset " + malformed.offset() + " outside a " + frame.length + "-byte frame");
            }
            return;
        }
        FrameLayout layout = (FrameLayout) result;
        int headers = layout.layer2Length() + layout.layer3Length() + layout.layer4Length();
        if (headers > layout.ipEnd() || layout.ipEnd() > frame.length) {
            throw new AssertionError("layout " + layout + " does not fit a " + frame.length + "-byte frame");
        }
        if (layout.layer4Type() == Layer4Type.TCP || layout.layer4Type() == Layer4Type.UDP) {
            FrameChecksums.transportVerifies(frame, layout);
        }
        if (layout.layer3Type().isIPv4()) {
            FrameChecksums.ipv4HeaderVerifies(frame, layout);
        }
    }
}
