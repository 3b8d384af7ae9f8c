package org.offloadkit.faulty;

import java.util.Set;

import org.offloadkit.dut.reference.ReferenceAdapter;

/**
 * A reference adapter with one realistic bug. Each names the requirements the conformance suite must
 * fail it on: exactly those, and nothing unrelated.
 */
public abstract class FaultyAdapter extends ReferenceAdapter {

    /** The requirements this bug must fail, and only those. */
    public abstract Set<String> breaks();
}
