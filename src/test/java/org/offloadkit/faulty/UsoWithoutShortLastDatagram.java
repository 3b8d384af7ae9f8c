package org.offloadkit.faulty;

import org.offloadkit.dut.reference.ReferenceAdapter;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;

/** A correct adapter without SubMssFinalSegmentSupported: it fails USO sends that would end in a short datagram. */
public class UsoWithoutShortLastDatagram extends ReferenceAdapter {
    @Override
    protected GsoCapabilities gsoCapabilities() {
        return GsoCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, MAXIMUM_OFFLOAD_SIZE, MINIMUM_SEGMENT_COUNT, LAYER4_HEADER_OFFSET_LIMIT, null);
    }
}
