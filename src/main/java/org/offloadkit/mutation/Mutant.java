package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.dut.reference.ReferenceAdapter;

/**
 * The reference adapter with one realistic bug. Each names the requirements the conformance suite must fail
 * it on: exactly those, and nothing unrelated. An <em>equivalent</em> mutant makes a choice the spec allows
 * and names none: a suite that fails it is too strict.
 */
public abstract class Mutant extends ReferenceAdapter {

    /** The requirements this bug must fail, and only those; empty for an equivalent mutant. */
    public abstract Set<String> breaks();

    /**
     * Whether the framework's verifier stops this adapter before it starts (a bug check while it advertises):
     * then every result of its run is a DUT fault and {@link #breaks()} names the rule the verifier enforces.
     */
    public boolean failsToStart() {
        return false;
    }
}
