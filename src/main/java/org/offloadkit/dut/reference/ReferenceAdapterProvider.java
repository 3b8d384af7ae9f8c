package org.offloadkit.dut.reference;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.dut.DutProvider;
import org.offloadkit.dut.UnknownDutException;

/** {@code --dut reference}: the built-in adapter that does every offload exactly per the spec. */
public final class ReferenceAdapterProvider implements DutProvider {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String description() {
        return "built-in software adapter: every offload exactly per the spec (the kit's own engines)";
    }

    @Override
    public DeviceUnderTest create(String options) {
        if (!options.isEmpty()) {
            throw new UnknownDutException("the reference adapter takes no options, got '" + options + "'");
        }
        return new ReferenceAdapter();
    }
}
