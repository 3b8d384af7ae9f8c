package org.offloadkit.framework;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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

/** A driver whose datapath answers as each test scripts it, and which records its callbacks and their threads. */
class ScriptedAdapter implements Datapath {
    /** A plain TCP/IPv4 segment, its checksums right, for the tests that send one. */
    static final byte[] FRAME = org.offloadkit.packet.FrameBuilder.ethernet(new byte[6], new byte[] {2, 0, 0, 0, 0, 1})
            .ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}).tcp(1000, 80).payload(new byte[10]).build();
    static final org.offloadkit.packet.FrameLayout LAYOUT = org.offloadkit.packet.FrameParser.parse(FRAME).layout();

    final List<TxChecksumOffload> txCallbacks = new CopyOnWriteArrayList<>();
    final List<RxChecksumOffload> rxCallbacks = new CopyOnWriteArrayList<>();
    final List<String> callbackThreads = new CopyOnWriteArrayList<>();
    volatile BiConsumer<TxPacket, Reply<TxResult>> onTransmit = (p, r) -> r.send(TxResult.sent(p.frame()));
    volatile BiConsumer<RxBatch, Reply<List<RxIndication>>> onReceive = (b, r) -> r.send(List.of());

    Consumer<NetAdapter> initialization() {
        return adapter -> {
            adapter.setTxChecksumCapabilities(TxChecksumCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, 0, 0, active -> {
                callbackThreads.add(Thread.currentThread().getName());
                txCallbacks.add(active);
            }));
            adapter.setRxChecksumCapabilities(RxChecksumCapabilities.of(active -> {
                callbackThreads.add(Thread.currentThread().getName());
                rxCallbacks.add(active);
            }));
            adapter.setDatapath(this);
        };
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        onTransmit.accept(packet, completion);
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        onReceive.accept(batch, indications);
    }
}
