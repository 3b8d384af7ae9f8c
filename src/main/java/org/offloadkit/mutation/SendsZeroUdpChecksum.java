package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/** Writes a computed UDP checksum of 0 as 0x0000, which the receiver reads as "no checksum". */
public class SendsZeroUdpChecksum extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-06");
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        byte[] frame = TxChecksumEngine.apply(packet.frame(), packet.layout(), packet.checksum());
        int field = packet.layout().transportChecksumOffset();
        if (packet.layout().isUdp() && Bytes.u16(frame, field) == 0xFFFF) {
            Bytes.put16(frame, field, 0);
        }
        completion.send(TxResult.sent(List.of(frame)));
    }
}
