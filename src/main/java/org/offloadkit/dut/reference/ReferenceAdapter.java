package org.offloadkit.dut.reference;

import java.util.List;
import java.util.Set;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RscOffload;
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
 * 8-bit descriptor field would allow, so every run also exercises the framework's software fallback. It
 * coalesces TCP over IPv4 and IPv6, timestamps included, per receive batch under the active set it was
 * called back with.
 */
public class ReferenceAdapter implements DeviceUnderTest, Datapath {

    /** The layer 4 header offset limit advertised: what an 8-bit descriptor field can hold. */
    public static final int LAYER4_HEADER_OFFSET_LIMIT = 255;

    private volatile TxChecksumOffload activeTx = TxChecksumOffload.NONE;
    private volatile RxChecksumOffload activeRx = RxChecksumOffload.NONE;
    private volatile RscOffload activeRsc = RscOffload.NONE;

    @Override
    public void initialize(NetAdapter adapter) {
        adapter.setTxChecksumCapabilities(TxChecksumCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL,
                0, LAYER4_HEADER_OFFSET_LIMIT, active -> activeTx = active));
        adapter.setRxChecksumCapabilities(RxChecksumCapabilities.of(active -> activeRx = active));
        adapter.setRscCapabilities(RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS),
                Set.of(Layer4Flag.TCP_NO_OPTIONS), true, active -> activeRsc = active));
        adapter.setDatapath(this);
    }

    /** The active sets the framework last called back with. */
    public TxChecksumOffload activeTx() {
        return activeTx;
    }

    public RxChecksumOffload activeRx() {
        return activeRx;
    }

    public RscOffload activeRsc() {
        return activeRsc;
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        completion.send(TxResult.sent(TxChecksumEngine.apply(packet.frame(), packet.layout(), packet.checksum())));
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        indications.send(coalesce(batch.frames()).stream().map(RscUnit::indication).toList());
    }

    /** The batch through the reference coalescer under the active sets, each indication with the frames it stands for. */
    protected List<RscUnit> coalesce(List<byte[]> frames) {
        return RscCoalescer.coalesce(frames, RscSettings.ndis(activeRsc, activeRx));
    }
}
