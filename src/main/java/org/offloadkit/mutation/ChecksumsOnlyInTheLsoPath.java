package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.spec.TxPacket;

/**
 * Its checksum engine sits in the segmentation path only: a packet without a large send goes out with the
 * stack's seed where the checksums should be.
 */
public class ChecksumsOnlyInTheLsoPath extends FaultyChecksumEngine {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-01", "CSUM-TX-02", "CSUM-TX-05", "CSUM-TX-06");
    }

    @Override
    byte[] send(TxPacket packet) {
        return packet.frame();
    }
}
