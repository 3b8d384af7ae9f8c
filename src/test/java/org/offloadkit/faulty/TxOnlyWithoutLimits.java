package org.offloadkit.faulty;

import org.offloadkit.dut.reference.ReferenceAdapter;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.TxChecksumCapabilities;

/**
 * A correct adapter that offloads every Tx checksum shape without offset limits and registers no Rx
 * checksum: nothing falls back, and there is no receive checksum to judge.
 */
public class TxOnlyWithoutLimits extends ReferenceAdapter {
    @Override
    public void initialize(NetAdapter adapter) {
        adapter.setTxChecksumCapabilities(TxChecksumCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, 0, 0, null));
        adapter.setDatapath(this);
    }
}
