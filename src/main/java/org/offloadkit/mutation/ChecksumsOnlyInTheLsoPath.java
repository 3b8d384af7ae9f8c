package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.spec.Reply;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * Its checksum engine sits in the segmentation path only: a packet without a large send goes out with the
 * stack's seed where the checksums should be.
 */
public class ChecksumsOnlyInTheLsoPath extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-01", "CSUM-TX-02", "CSUM-TX-05", "CSUM-TX-06");
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        if (packet.gso().segments()) {
            super.transmit(packet, completion);
        } else {
            completion.send(TxResult.sent(packet.frame()));
        }
    }
}
