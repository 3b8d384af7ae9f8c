package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * Always computes the IPv4 header checksum, even when the stack said Passthrough: it "repairs" the
 * deliberately wrong checksums of raw-socket test traffic.
 */
public class RecomputesPassthroughIpv4Header extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-03");
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        TxChecksum always = new TxChecksum(TxChecksumAction.REQUIRED, packet.checksum().layer4());
        completion.send(TxResult.sent(List.of(TxChecksumEngine.apply(packet.frame(), packet.layout(), always))));
    }
}
