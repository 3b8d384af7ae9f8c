package org.offloadkit.faulty;

import org.offloadkit.dut.reference.ReferenceAdapter;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/** A driver that crashes on every transmit: its Tx results are DUT faults, not conformance failures. */
public class ThrowsOnTransmit extends ReferenceAdapter {
    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        throw new IllegalStateException("descriptor ring corrupted");
    }
}
