package org.offloadkit.framework;

import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.TxChecksumOffload;

/**
 * An NDIS_OFFLOAD the framework shows NDIS: the attributes it sets at start, or a status indication after an
 * accepted change (ACT-05), a pause or a resume (ACT-06). The sets are what the stack may ask for, software
 * fallback included: they are not narrowed to the hardware.
 */
public record OffloadConfigIndication(Status status, TxChecksumOffload txChecksum, RxChecksumOffload rxChecksum, GsoOffload gso,
                                      RscOffload rsc) {

    /** What the NDIS_OFFLOAD stands for. */
    public enum Status {
        /** NDIS_STATUS_TASK_OFFLOAD_HARDWARE_CAPABILITIES, or the hardware attributes at start. */
        HARDWARE_CAPABILITIES,
        /** NDIS_STATUS_TASK_OFFLOAD_CURRENT_CONFIG, or the current attributes at start. */
        CURRENT_CONFIG
    }

    public static OffloadConfigIndication empty(Status status) {
        return new OffloadConfigIndication(status, TxChecksumOffload.NONE, RxChecksumOffload.NONE, GsoOffload.NONE, RscOffload.NONE);
    }

    public boolean isEmpty() {
        return equals(empty(status));
    }

    @Override
    public String toString() {
        return status + ": Tx checksum {" + txChecksum + "}, Rx checksum {" + rxChecksum + "}, GSO {" + gso + "}, RSC {" + rsc + "}";
    }
}
