package org.offloadkit.conformance;

import java.util.List;

import org.offloadkit.corpus.RscCase;
import org.offloadkit.framework.DutFault;
import org.offloadkit.spec.RxIndication;

/** What the DUT indicated for each receive batch of a coalescing case, the batches sent back to back. */
public record RxBatchesObservation(RscCase rscCase, List<List<RxIndication>> batches, DutFault fault) {

    /** The indications, batch by batch; the DUT fault when it gave none. */
    public List<List<RxIndication>> indications() {
        if (fault != null) {
            throw fault;
        }
        return batches;
    }
}
