package org.offloadkit.dut.reference;

import java.util.ArrayList;
import java.util.List;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.reference.RxChecksumEvaluator;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumOffload;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * An adapter whose "hardware" is the kit's reference engines: it does every offload exactly as the spec
 * says. It advertises every Tx checksum shape with a layer 4 header offset limit of 255 bytes, as an
 * 8-bit descriptor field would allow, so every run also exercises the framework's software fallback.
 */
public class ReferenceAdapter implements DeviceUnderTest, Datapath {

    /** The layer 4 header offset limit advertised: what an 8-bit descriptor field can hold. */
    public static final int LAYER4_HEADER_OFFSET_LIMIT = 255;

    private volatile TxChecksumOffload activeTx = TxChecksumOffload.NONE;
    private volatile RxChecksumOffload activeRx = RxChecksumOffload.NONE;

    @Override
    public void initialize(NetAdapter adapter) {
        adapter.setTxChecksumCapabilities(TxChecksumCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL,
                0, LAYER4_HEADER_OFFSET_LIMIT, active -> activeTx = active));
        adapter.setRxChecksumCapabilities(RxChecksumCapabilities.of(active -> activeRx = active));
        adapter.setDatapath(this);
    }

    /** The active sets the framework last called back with. */
    public TxChecksumOffload activeTx() {
        return activeTx;
    }

    public RxChecksumOffload activeRx() {
        return activeRx;
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        completion.send(TxResult.sent(TxChecksumEngine.apply(packet.frame(), packet.layout(), packet.checksum())));
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        RxChecksumOffload rx = activeRx;
        List<RxIndication> out = new ArrayList<>(batch.frames().size());
        for (byte[] frame : batch.frames()) {
            out.add(RxChecksumEvaluator.indicate(frame, rx));
        }
        indications.send(out);
    }
}
