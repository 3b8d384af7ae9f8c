package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.framework.NetAdapter;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;

/**
 * Advertises segmentation only once its first callback arrives, that is after NetAdapterStart: the verifier stops
 * it with bug check 0x19E, code 3 (CAP-01).
 */
public class AdvertisesAfterStart extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CAP-01");
    }

    @Override
    public void initialize(NetAdapter adapter) {
        super.initialize(new DelegatingNetAdapter(adapter) {
            @Override
            public void setTxChecksumCapabilities(org.offloadkit.spec.TxChecksumCapabilities capabilities) {
                super.setTxChecksumCapabilities(new org.offloadkit.spec.TxChecksumCapabilities(capabilities.size(), capabilities.shapes(),
                        active -> adapter.setGsoCapabilities(GsoCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, MAXIMUM_OFFLOAD_SIZE,
                                MINIMUM_SEGMENT_COUNT, 0, null))));
            }
        });
    }

    @Override
    protected GsoCapabilities gsoCapabilities() {
        return null;
    }
}
