package org.offloadkit.mutation;

import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * A reference adapter whose checksum engine for packets without a large send has one bug; its segmentation
 * engine is the reference's, so the bug shows in the checksum requirements only.
 */
abstract class FaultyChecksumEngine extends Mutant {

    @Override
    public final void transmit(TxPacket packet, Reply<TxResult> completion) {
        if (packet.gso().segments()) {
            super.transmit(packet, completion);
        } else {
            completion.send(TxResult.sent(send(packet)));
        }
    }

    /** The frame as this engine puts it on the wire. */
    abstract byte[] send(TxPacket packet);

    /** The frame with the checksums the packet asks for, as a correct engine computes them. */
    static byte[] correct(TxPacket packet) {
        return TxChecksumEngine.apply(packet.frame(), packet.layout(), packet.checksum());
    }
}
