package org.offloadkit.framework;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.offloadkit.spec.Reply;

/**
 * An answer the driver owes. The harness never assumes the answer is there when the call returns: it
 * awaits it, under the DUT's timeout, and a missing, thrown or doubled answer is a {@link DutFault}.
 */
public final class Pending<T> {
    private final String what;
    private final Duration timeout;
    private final CompletableFuture<T> future = new CompletableFuture<>();
    private final AtomicInteger answers = new AtomicInteger();

    Pending(String what, Duration timeout) {
        this.what = what;
        this.timeout = timeout;
    }

    /** The reply handed to the driver: the first answer counts, a second is remembered as a fault. */
    Reply<T> reply() {
        return new Reply<>() {
            @Override
            public void send(T answer) {
                if (answers.incrementAndGet() == 1) {
                    future.complete(answer);
                }
            }

            @Override
            public void fail(String reason) {
                if (answers.incrementAndGet() == 1) {
                    future.completeExceptionally(new DutFault(what + ": " + reason));
                }
            }
        };
    }

    void fail(DutFault fault) {
        future.completeExceptionally(fault);
    }

    public boolean isDone() {
        return future.isDone();
    }

    /** The answer, once it is there; a {@link DutFault} when it does not come within the DUT's timeout. */
    public T await() {
        try {
            Awaitility.await(what)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .pollInSameThread()
                    .until(future::isDone);
        } catch (ConditionTimeoutException e) {
            throw new DutFault("no answer to " + what + " within " + timeout.toMillis() + " ms");
        }
        T answer;
        try {
            answer = future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DutFault fault) {
                throw fault;
            }
            throw new DutFault(what + " failed: " + e.getCause(), e.getCause());
        }
        if (answers.get() > 1) {
            throw new DutFault(what + " was answered " + answers.get() + " times");
        }
        if (answer == null) {
            throw new DutFault(what + " was answered with null");
        }
        return answer;
    }

    @Override
    public String toString() {
        return what + (isDone() ? " (answered)" : " (pending)");
    }
}
