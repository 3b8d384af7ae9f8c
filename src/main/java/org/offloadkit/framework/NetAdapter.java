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

    /** The transmit and receive queues (EvtAdapterCreateTxQueue / EvtAdapterCreateRxQueue). */
    void setDatapath(Datapath datapath);
}
