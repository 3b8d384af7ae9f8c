package org.offloadkit.dut.reference;

import java.util.List;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.dut.DutProvider;
import org.offloadkit.dut.UnknownDutException;

/** {@code --dut profile:NAME}: the reference adapter narrowed to a profile of fixtures/adapters/ (or {@code profile:FILE.yaml}). */
public final class ProfileAdapterProvider implements DutProvider {
    @Override
    public String name() {
        return "profile";
    }

    @Override
    public String description() {
        return "the reference adapter narrowed to a partial capability profile: profile:NAME or profile:FILE.yaml";
    }

    @Override
    public List<String> variants() {
        return AdapterProfile.names().stream().map(n -> "profile:" + n + "\t" + AdapterProfile.load(n).description()).toList();
    }

    @Override
    public DeviceUnderTest create(String options) {
        if (options.isEmpty()) {
            throw new UnknownDutException("name a profile: profile:NAME, one of " + AdapterProfile.names() + ", or profile:FILE.yaml");
        }
        return new ProfileAdapter(options, AdapterProfile.load(options));
    }
}
