package org.offloadkit.conformance;

import java.util.List;
import java.util.Optional;

import org.offloadkit.corpus.GsoVector;
import org.offloadkit.framework.DutFault;
import org.offloadkit.framework.GsoTransmission;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.spec.TxCounters;
import org.offloadkit.spec.TxResult;

/**
 * What came of one large send: what the framework did with it, how it completed and what reached the wire,
 * what the DUT counted for it, and what the reference engine says a correct NIC does with it.
 *
 * @param counted  the DUT's transmit counters across the send (after less before); empty when it keeps none
 * @param expected the reference's segments, or the reason the send must be failed
 */
public record GsoObservation(GsoVector vector, GsoTransmission transmission, TxResult result, Optional<TxCounters> counted,
                             DutFault fault, Segmentation expected) {

    /** The send's completion; the DUT's fault when it faulted. */
    public TxResult completion() {
        if (fault != null) {
            throw fault;
        }
        return result;
    }

    /** The frames that reached the wire, whatever the completion said. */
    public List<byte[]> wire() {
        return completion().frames();
    }

    /** The reference's segments; only for sends it segments. */
    public List<byte[]> expectedFrames() {
        if (expected instanceof Segmentation.Segments segments) {
            return segments.frames();
        }
        throw new IllegalStateException(vector + " is one the reference fails: " + expected);
    }
}
