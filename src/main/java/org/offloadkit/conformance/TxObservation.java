package org.offloadkit.conformance;

import org.offloadkit.corpus.TxChecksumVector;
import org.offloadkit.framework.DutFault;
import org.offloadkit.framework.Transmission;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.TxResult;

/**
 * What came of transmitting one vector: what the framework did with it, what the DUT put on the wire,
 * and what the reference engine says the wire should carry.
 */
public record TxObservation(TxChecksumVector vector, Transmission transmission, TxResult result, DutFault fault) {

    /** The frame the wire should carry, by the reference engine. */
    public byte[] expected() {
        return TxChecksumEngine.apply(vector.frame(), vector.layout(), vector.request());
    }

    /** The one frame a plain checksum request puts on the wire; a DUT fault or a failure otherwise. */
    public byte[] wireFrame(String requirement) {
        if (fault != null) {
            throw fault;
        }
        if (!result.success() || result.frames().size() != 1) {
            throw Verdict.failure(requirement, vector.id() + ": the DUT completed the transmit as '" + result
                    + "'; one frame must reach the wire", () -> Verdict.attachInput(vector.frame()));
        }
        return result.frames().get(0);
    }
}
