package org.offloadkit.faulty;

import java.util.Set;

import org.offloadkit.dut.reference.ReferenceAdapter;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;

/** A correct adapter whose hardware segments TCP only: the framework segments its UDP sends. */
public class LsoOnly extends ReferenceAdapter {
    @Override
    protected GsoCapabilities gsoCapabilities() {
        return GsoCapabilities.of(Layer3Flag.ALL, Set.of(Layer4Flag.TCP_NO_OPTIONS, Layer4Flag.TCP_WITH_OPTIONS), MAXIMUM_OFFLOAD_SIZE,
                MINIMUM_SEGMENT_COUNT, LAYER4_HEADER_OFFSET_LIMIT, null);
    }
}
