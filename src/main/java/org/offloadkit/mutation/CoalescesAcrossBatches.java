package org.offloadkit.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;

/**
 * Holds each batch's answer for a few milliseconds in case the next batch continues its flows, and then
 * coalesces across the two: a unit that began in one DPC is indicated in the next.
 */
public class CoalescesAcrossBatches extends Mutant {
    private static final long HOLD_MILLIS = 20;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "faulty-rsc-timer");
        thread.setDaemon(true);
        return thread;
    });
    private Held held;

    private record Held(List<byte[]> frames, Reply<List<RxIndication>> reply, ScheduledFuture<?> flush) {}

    @Override
    public Set<String> breaks() {
        return Set.of("RSC-16");
    }

    @Override
    public synchronized void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        Held previous = held;
        held = null;
        if (previous != null && previous.flush().cancel(false)) {
            List<byte[]> both = new ArrayList<>(previous.frames());
            both.addAll(batch.frames());
            int boundary = previous.frames().size();
            List<RscUnit> units = coalesce(both);
            previous.reply().send(units.stream().filter(u -> u.segments().stream().allMatch(i -> i < boundary))
                    .map(RscUnit::indication).toList());
            indications.send(units.stream().filter(u -> u.segments().stream().anyMatch(i -> i >= boundary))
                    .map(RscUnit::indication).toList());
            return;
        }
        Held[] self = new Held[1];
        ScheduledFuture<?> flush = timer.schedule(() -> answer(self), HOLD_MILLIS, TimeUnit.MILLISECONDS);
        self[0] = new Held(batch.frames(), indications, flush);
        held = self[0];
    }

    /** No next batch came in time: the held batch is answered as it is. */
    private void answer(Held[] self) {
        Held batch;
        synchronized (this) {
            batch = self[0];
            if (held == batch) {
                held = null;
            }
        }
        batch.reply().send(coalesce(batch.frames()).stream().map(RscUnit::indication).toList());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
