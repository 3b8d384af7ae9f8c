package org.offloadkit.conformance;

import java.util.List;

import org.offloadkit.corpus.RxChecksumVector;
import org.offloadkit.framework.DutFault;
import org.offloadkit.spec.RxIndication;

/** What the DUT indicated for one received vector (sent as a batch of its own). */
public record RxObservation(RxChecksumVector vector, List<RxIndication> indications, DutFault fault) {

    /** The one indication a lone frame must give; a DUT fault or a failure otherwise. */
    public RxIndication indication(String requirement) {
        if (fault != null) {
            throw fault;
        }
        if (indications.size() != 1) {
            throw Verdict.failure(requirement, vector.id() + ": the DUT gave " + indications.size()
                    + " indications for one received frame", () -> Verdict.attachInput(vector.frame()));
        }
        return indications.get(0);
    }
}
