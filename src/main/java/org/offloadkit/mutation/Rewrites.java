package org.offloadkit.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.reference.RxChecksumEvaluator;
import org.offloadkit.spec.RscInfo;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;

/**
 * How the faulty coalescers get their bugs out of the reference engine: hardware that ignores a field is
 * the reference fed frames whose field it cannot see, and what it reports is the reference's indication
 * bent afterwards.
 */
final class Rewrites {
    private Rewrites() {}

    /** The frame with its IPv4 header and TCP checksums made right again after a field was changed. */
    static byte[] checksumsFixed(byte[] frame) {
        FrameLayout layout = FrameParser.parse(frame).layout();
        if (layout.isIPv4()) {
            Bytes.put16(frame, layout.ipv4ChecksumOffset(), FrameChecksums.ipv4HeaderChecksum(frame, layout));
        }
        Bytes.put16(frame, layout.transportChecksumOffset(), FrameChecksums.transportChecksum(frame, layout));
        return frame;
    }

    /**
     * The indications for units coalesced from the frames as the buggy hardware saw them: a frame indicated
     * on its own is still the frame that arrived.
     */
    static List<RxIndication> asReceivedWhereAlone(List<RscUnit> units, List<byte[]> received, RxChecksumOffload rx) {
        List<RxIndication> out = new ArrayList<>();
        for (RscUnit unit : units) {
            out.add(unit.segments().size() == 1 ? RxChecksumEvaluator.indicate(received.get(unit.segments().get(0)), rx)
                    : unit.indication());
        }
        return out;
    }

    /** The unit's indication with other metadata, for units the reference coalesced from more than one frame. */
    static List<RxIndication> withMetadata(List<RscUnit> units, java.util.function.BiFunction<RscUnit, RscInfo, RscInfo> bend) {
        return units.stream().map(u -> u.segments().size() < 2 ? u.indication() : new RxIndication(u.indication().frame(),
                u.indication().layout(), u.indication().checksum(), bend.apply(u, u.indication().rsc()))).toList();
    }

    /** Each frame through {@code change}, on a copy. */
    static List<byte[]> each(List<byte[]> frames, UnaryOperator<byte[]> change) {
        return frames.stream().map(f -> change.apply(f.clone())).toList();
    }
}
