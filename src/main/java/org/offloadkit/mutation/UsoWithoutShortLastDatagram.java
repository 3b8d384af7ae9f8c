package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;

/** Equivalent: a correct adapter without SubMssFinalSegmentSupported: it fails USO sends that would end in a short datagram. */
public class UsoWithoutShortLastDatagram extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of();
    }

    @Override
    protected GsoCapabilities gsoCapabilities() {
        return GsoCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, MAXIMUM_OFFLOAD_SIZE, MINIMUM_SEGMENT_COUNT, LAYER4_HEADER_OFFSET_LIMIT, null);
    }
}
