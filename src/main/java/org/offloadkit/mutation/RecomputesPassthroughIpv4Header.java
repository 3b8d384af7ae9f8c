package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxPacket;

/**
 * Always computes the IPv4 header checksum, even when the stack said Passthrough: it "repairs" the
 * deliberately wrong checksums of raw-socket test traffic.
 */
public class RecomputesPassthroughIpv4Header extends FaultyChecksumEngine {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-03");
    }

    @Override
    byte[] send(TxPacket packet) {
        TxChecksum always = new TxChecksum(TxChecksumAction.REQUIRED, packet.checksum().layer4());
        return TxChecksumEngine.apply(packet.frame(), packet.layout(), always);
    }
}
