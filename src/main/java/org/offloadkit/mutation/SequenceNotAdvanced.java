package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.spec.TxPacket;

/** Gives every segment the template's sequence number instead of advancing it by the bytes sent before. */
public class SequenceNotAdvanced extends FaultySegmentation {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-TCP-04");
    }

    @Override
    byte[] bend(TxPacket packet, byte[] segment, int index, int count) {
        if (!isTcp(packet)) {
            return segment;
        }
        int seq = packet.layout().layer4Offset() + 4;
        Bytes.put32(segment, seq, Bytes.u32(packet.frame(), seq));
        return withChecksums(segment);
    }
}
