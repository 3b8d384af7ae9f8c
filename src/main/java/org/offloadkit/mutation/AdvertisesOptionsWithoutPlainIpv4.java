package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.framework.NetAdapter;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.TxChecksumCapabilities;

/** Advertises IPv4WithOptions without IPv4NoOptions: the verifier stops it with bug check 0x19E, code 91. */
public class AdvertisesOptionsWithoutPlainIpv4 extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CAP-04");
    }

    @Override
    public void initialize(NetAdapter adapter) {
        adapter.setTxChecksumCapabilities(TxChecksumCapabilities.of(Set.of(Layer3Flag.IPV4_WITH_OPTIONS),
                Set.of(Layer4Flag.TCP_NO_OPTIONS), 0, 0, null));
        adapter.setDatapath(this);
    }
}
