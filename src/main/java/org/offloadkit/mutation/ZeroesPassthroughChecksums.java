package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * Clears the TCP or UDP checksum field of every packet it is not asked to checksum, as some descriptor formats
 * do by default: the checksums the stack (CSUM-TX-03) or the framework's software fallback (CSUM-TX-04) computed
 * are lost, on layouts that name the IP version only too (CSUM-TX-05).
 */
public class ZeroesPassthroughChecksums extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-03", "CSUM-TX-04", "CSUM-TX-05");
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        if (packet.gso().segments() || packet.checksum().layer4() != TxChecksumAction.PASSTHROUGH
                || !(packet.layout().isTcp() || packet.layout().isUdp())) {
            super.transmit(packet, completion);
            return;
        }
        byte[] frame = TxChecksumEngine.apply(packet.frame(), packet.layout(), packet.checksum());
        Bytes.put16(frame, packet.layout().transportChecksumOffset(), 0);
        completion.send(TxResult.sent(frame));
    }
}
