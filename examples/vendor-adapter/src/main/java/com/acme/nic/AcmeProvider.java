package com.acme.nic;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.dut.DutProvider;
import org.offloadkit.dut.UnknownDutException;

/**
 * How the kit finds the adapter: listed in META-INF/services/org.offloadkit.dut.DutProvider, named
 * {@code --dut acme}.
 */
public final class AcmeProvider implements DutProvider {
    @Override
    public String name() {
        return "acme";
    }

    @Override
    public String description() {
        return "Acme 10G (software model): Tx and Rx checksum";
    }

    @Override
    public DeviceUnderTest create(String options) {
        if (!options.isEmpty()) {
            throw new UnknownDutException("the Acme adapter takes no options, got '" + options + "'");
        }
        return new AcmeAdapter(new AcmeNic());
    }
}
