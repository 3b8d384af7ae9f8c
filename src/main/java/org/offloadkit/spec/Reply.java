package org.offloadkit.spec;

/**
 * The driver's answer to one datapath call. Call {@link #send} exactly once, from any thread, whenever the
 * work is done; a second answer is a fault of the driver.
 */
@FunctionalInterface
public interface Reply<T> {
    void send(T answer);
}
