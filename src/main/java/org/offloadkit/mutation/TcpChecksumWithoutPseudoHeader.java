package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * Sums the TCP segment but forgets the pseudo-header. Every TCP checksum it computes is wrong, so the
 * requirements that judge hardware-computed TCP checksums fail: CSUM-TX-01 for declared layouts and
 * CSUM-TX-05 for layouts that name the IP version only.
 */
public class TcpChecksumWithoutPseudoHeader extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-01", "CSUM-TX-05");
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        byte[] frame = TxChecksumEngine.apply(packet.frame(), packet.layout(), packet.checksum());
        if (packet.checksum().layer4() == TxChecksumAction.REQUIRED && packet.layout().isTcp()) {
            int field = packet.layout().transportChecksumOffset();
            Bytes.put16(frame, field, 0);
            Bytes.put16(frame, field, InternetChecksum.complement(
                    InternetChecksum.sum(frame, packet.layout().layer4Offset(), packet.layout().transportLength())));
        }
        completion.send(TxResult.sent(List.of(frame)));
    }
}
