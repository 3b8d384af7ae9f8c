package org.offloadkit.framework;

import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumCapabilities;

/**
 * The framework as a driver sees it: the NETADAPTER handle. A driver advertises its hardware capabilities
 * and registers its datapath during initialization, before the framework starts the adapter; the verifier
 * checks every call, and a broken rule raises a {@link BugCheckException} into the caller.
 */
public interface NetAdapter {

    /** NetAdapterOffloadSetTxChecksumCapabilities. */
    void setTxChecksumCapabilities(TxChecksumCapabilities capabilities);

    /** NetAdapterOffloadSetRxChecksumCapabilities. */
    void setRxChecksumCapabilities(RxChecksumCapabilities capabilities);

    /** NetAdapterOffloadSetGsoCapabilities. */
    void setGsoCapabilities(GsoCapabilities capabilities);

    /** NetAdapterOffloadSetRscCapabilities. */
    void setRscCapabilities(RscCapabilities capabilities);

    /**
     * NetAdapterPauseOffloadCapabilities: the driver stops its offloads for a while (say, to reprogram the
     * hardware); the framework shows NDIS no offloads and calls every callback with an empty set (ACT-06).
     * PASSIVE_LEVEL, started adapters only (CAP-03, CAP-15).
     */
    void pauseOffloadCapabilities();

    /** NetAdapterResumeOffloadCapabilities: the offloads as they were before the pause; only after a pause (CAP-15). */
    void resumeOffloadCapabilities();

    /** The transmit and receive queues (EvtAdapterCreateTxQueue / EvtAdapterCreateRxQueue). */
    void setDatapath(Datapath datapath);
}
