package org.offloadkit.dut;

import java.time.Duration;

/**
 * Makes adapters of one kind, named on the command line as {@code NAME} or {@code NAME:OPTIONS}. Listed in
 * {@code META-INF/services/org.offloadkit.dut.DutProvider} so the kit finds it on its class path; a provider
 * or adapter class can also be named by its class name.
 */
public interface DutProvider {

    /** The name users type, such as {@code reference}. */
    String name();

    /** One line for {@code offloadkit duts}. */
    String description();

    /** The NAME:OPTIONS forms worth listing in {@code offloadkit duts}, each with a tab and its description; none by default. */
    default java.util.List<String> variants() {
        return java.util.List.of();
    }

    /** A new adapter; {@code options} is what followed the colon, or empty. */
    DeviceUnderTest create(String options);

    /**
     * A new adapter for a run that waits {@code timeout} for any one answer. An adapter that watches its own
     * calls (the out-of-process one, which restarts an agent that stopped answering) needs to know it; the
     * others ignore it.
     */
    default DeviceUnderTest create(String options, Duration timeout) {
        return create(options);
    }

    /** How long the kit waits for any one answer from this kind of adapter. */
    default Duration timeout() {
        return Duration.ofSeconds(2);
    }
}
