package org.offloadkit.spec;

import java.util.List;

/**
 * The driver's transmit and receive queues as the framework drives them. Both calls arrive on the
 * framework's driver thread and may return before the work is done: the driver answers through the
 * {@link Reply} when it is.
 */
public interface Datapath {

    /** Put the packet on the wire, performing the offloads it requests. */
    void transmit(TxPacket packet, Reply<TxResult> completion);

    /** Turn frames from the wire into receive indications, evaluating checksums per the active set. */
    void receive(RxBatch batch, Reply<List<RxIndication>> indications);
}
