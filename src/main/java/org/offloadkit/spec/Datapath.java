package org.offloadkit.spec;

import java.util.List;
import java.util.Optional;

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

    /**
     * OID_GEN_STATISTICS: the transmit counters the driver keeps, or empty when it keeps none (the kit
     * then cannot judge what a driver counts, GSO-UDP-06). Optional; called on the driver thread.
     */
    default Optional<TxCounters> transmitCounters() {
        return Optional.empty();
    }
}
