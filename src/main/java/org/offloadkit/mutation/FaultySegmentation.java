package org.offloadkit.mutation;

import java.util.ArrayList;
import java.util.List;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * A reference adapter whose segmentation engine has one bug. The engine bends each of the reference's
 * segments, then computes the IPv4 header and TCP checksums over what it bent, as hardware would, so that
 * nothing but the bug shows.
 */
abstract class FaultySegmentation extends Mutant {

    @Override
    protected TxResult segment(TxPacket packet) {
        TxResult reference = super.segment(packet);
        if (!reference.success()) {
            return reference;
        }
        List<byte[]> bent = new ArrayList<>();
        for (int i = 0; i < reference.frames().size(); i++) {
            bent.add(bend(packet, reference.frames().get(i), i, reference.frames().size()));
        }
        return TxResult.sent(bent);
    }

    /** Segment {@code index} of {@code count} as this engine sends it. */
    abstract byte[] bend(TxPacket packet, byte[] segment, int index, int count);

    /** The frame with its IPv4 header checksum and, for TCP, its TCP checksum computed afresh. */
    static byte[] withChecksums(byte[] frame) {
        FrameLayout layout = FrameParser.parse(frame).layout();
        if (layout.isIPv4()) {
            Bytes.put16(frame, layout.ipv4ChecksumOffset(), FrameChecksums.ipv4HeaderChecksum(frame, layout));
        }
        if (layout.isTcp()) {
            Bytes.put16(frame, layout.transportChecksumOffset(), FrameChecksums.transportChecksum(frame, layout));
        }
        return frame;
    }

    static boolean isTcp(TxPacket packet) {
        return packet.layout().isTcp();
    }
}
