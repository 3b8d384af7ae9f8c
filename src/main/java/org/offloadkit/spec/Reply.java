package org.offloadkit.spec;

/**
 * The driver's answer to one datapath call. Call {@link #send} exactly once, from any thread, whenever the
 * work is done; a second answer is a fault of the driver.
 */
@FunctionalInterface
public interface Reply<T> {
    void send(T answer);

    /**
     * The driver cannot answer, and says why: the call becomes a DUT fault with this reason instead of
     * waiting out the timeout. For an adapter whose answers come from elsewhere (another process, another
     * machine) and can be lost; a failure noticed inside the call may as well be thrown.
     */
    default void fail(String reason) {
        throw new UnsupportedOperationException("this reply cannot be failed: " + reason);
    }
}
