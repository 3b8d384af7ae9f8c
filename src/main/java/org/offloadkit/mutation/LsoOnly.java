package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;

/** Equivalent: a correct adapter whose hardware segments TCP only; the framework segments its UDP sends. */
public class LsoOnly extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of();
    }

    @Override
    protected GsoCapabilities gsoCapabilities() {
        return tcpOnly();
    }

    /** The reference adapter's segmentation without USO. */
    static GsoCapabilities tcpOnly() {
        return GsoCapabilities.of(Layer3Flag.ALL, Set.of(Layer4Flag.TCP_NO_OPTIONS, Layer4Flag.TCP_WITH_OPTIONS), MAXIMUM_OFFLOAD_SIZE,
                MINIMUM_SEGMENT_COUNT, LAYER4_HEADER_OFFSET_LIMIT, null);
    }
}
