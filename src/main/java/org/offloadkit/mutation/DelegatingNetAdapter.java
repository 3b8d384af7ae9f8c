package org.offloadkit.mutation;

import org.offloadkit.framework.NetAdapter;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumCapabilities;

/** The framework's handle passed through, so a faulty adapter can change one call of its own initialization. */
class DelegatingNetAdapter implements NetAdapter {
    private final NetAdapter adapter;

    DelegatingNetAdapter(NetAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public void setTxChecksumCapabilities(TxChecksumCapabilities capabilities) {
        adapter.setTxChecksumCapabilities(capabilities);
    }

    @Override
    public void setRxChecksumCapabilities(RxChecksumCapabilities capabilities) {
        adapter.setRxChecksumCapabilities(capabilities);
    }

    @Override
    public void setGsoCapabilities(GsoCapabilities capabilities) {
        adapter.setGsoCapabilities(capabilities);
    }

    @Override
    public void setRscCapabilities(RscCapabilities capabilities) {
        adapter.setRscCapabilities(capabilities);
    }

    @Override
    public void pauseOffloadCapabilities() {
        adapter.pauseOffloadCapabilities();
    }

    @Override
    public void resumeOffloadCapabilities() {
        adapter.resumeOffloadCapabilities();
    }

    @Override
    public void setDatapath(Datapath datapath) {
        adapter.setDatapath(datapath);
    }
}
