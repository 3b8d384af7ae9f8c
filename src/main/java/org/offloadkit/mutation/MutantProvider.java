package org.offloadkit.mutation;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.dut.DutProvider;
import org.offloadkit.dut.UnknownDutException;

/** {@code --dut mutant:NAME}: a mutant of the catalogue, to see in a full report what the suites make of it. */
public final class MutantProvider implements DutProvider {
    @Override
    public String name() {
        return "mutant";
    }

    @Override
    public String description() {
        return "mutant:NAME, a reference adapter with one deliberate bug ('offloadkit mutation --list' names them)";
    }

    @Override
    public DeviceUnderTest create(String options) {
        return Catalogue.byName(options).orElseThrow(() -> new UnknownDutException("no mutant named '" + options
                + "' in the catalogue; 'offloadkit mutation --list' names them")).create();
    }
}
