package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.spec.TxPacket;

/** Copies the template's FIN and PSH onto every segment, not only the last. */
public class FinAndPshOnEverySegment extends FaultySegmentation {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-TCP-06");
    }

    @Override
    byte[] bend(TxPacket packet, byte[] segment, int index, int count) {
        if (!isTcp(packet)) {
            return segment;
        }
        int flags = packet.layout().layer4Offset() + 13;
        segment[flags] |= (byte) (packet.frame()[flags] & 0x09);
        return withChecksums(segment);
    }
}
