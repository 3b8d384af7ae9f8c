package org.offloadkit.framework;

import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.TxChecksumOffload;

/**
 * One round of EvtAdapterOffloadSet* callbacks as the framework made it: why, and the set each registered
 * callback was called with (null where the driver registered no callback).
 *
 * @param cause    start, pause, resume or the request that caused it
 * @param sequence its number among the rounds, from 1 (the start)
 */
public record CallbackDelivery(String cause, long sequence, TxChecksumOffload txChecksum, RxChecksumOffload rxChecksum,
                               GsoOffload gso, RscOffload rsc) {

    @Override
    public String toString() {
        return cause + ": " + (txChecksum == null ? "" : "Tx checksum {" + txChecksum + "} ")
                + (rxChecksum == null ? "" : "Rx checksum {" + rxChecksum + "} ")
                + (gso == null ? "" : "GSO {" + gso + "} ") + (rsc == null ? "" : "RSC {" + rsc + "}");
    }
}
