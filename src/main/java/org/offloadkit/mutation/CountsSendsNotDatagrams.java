package org.offloadkit.mutation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.offloadkit.spec.Reply;
import org.offloadkit.spec.TxCounters;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/** Counts each send as the one packet the stack handed over, not the frames that went out on the wire. */
public class CountsSendsNotDatagrams extends Mutant {
    private final AtomicReference<TxCounters> counted = new AtomicReference<>(TxCounters.ZERO);

    @Override
    public Set<String> breaks() {
        return Set.of("GSO-UDP-06");
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        counted.accumulateAndGet(TxCounters.of(List.of(packet.frame())), TxCounters::plus);
        super.transmit(packet, completion);
    }

    @Override
    public Optional<TxCounters> transmitCounters() {
        return Optional.of(counted.get());
    }
}
