package org.offloadkit.framework;

import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.TxChecksumOffload;

/** NDIS_STATUS_TASK_OFFLOAD_CURRENT_CONFIG as the framework indicates it after an accepted change (ACT-05). */
public record OffloadConfigIndication(TxChecksumOffload txChecksum, RxChecksumOffload rxChecksum, GsoOffload gso, RscOffload rsc) {}
