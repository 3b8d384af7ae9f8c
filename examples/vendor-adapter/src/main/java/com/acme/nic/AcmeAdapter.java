package com.acme.nic;

import static org.offloadkit.spec.Layer3Flag.IPV4_NO_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV4_WITH_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_NO_EXTENSIONS;
import static org.offloadkit.spec.Layer4Flag.TCP_NO_OPTIONS;
import static org.offloadkit.spec.Layer4Flag.TCP_WITH_OPTIONS;
import static org.offloadkit.spec.Layer4Flag.UDP;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * The client driver: it advertises what the hardware can do, keeps the active set the framework calls it back
 * with, and moves packets. It advertises no segmentation and no coalescing, so the kit skips those suites
 * with the reason; and Tx checksum for IPv4 and IPv6 without extension headers only, with a layer 4 header
 * offset limit of 127 bytes, so the framework computes the rest in software.
 */
public final class AcmeAdapter implements DeviceUnderTest, Datapath {
    private static final int LAYER4_HEADER_OFFSET_LIMIT = 127;

    private final AcmeNic nic;
    /** The NIC's completions arrive on a thread of their own, as interrupts would. */
    private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "acme-completions");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RxChecksumOffload rxChecksum = RxChecksumOffload.NONE;

    AcmeAdapter(AcmeNic nic) {
        this.nic = nic;
    }

    /** For {@code --dut com.acme.nic.AcmeAdapter}: an adapter class named directly needs a public no-argument constructor. */
    public AcmeAdapter() {
        this(new AcmeNic());
    }

    @Override
    public void initialize(NetAdapter adapter) {
        adapter.setTxChecksumCapabilities(TxChecksumCapabilities.of(Set.of(IPV4_NO_OPTIONS, IPV4_WITH_OPTIONS, IPV6_NO_EXTENSIONS),
                Set.of(TCP_NO_OPTIONS, TCP_WITH_OPTIONS, UDP), 0, LAYER4_HEADER_OFFSET_LIMIT,
                active -> { /* the stack asks per packet; nothing to program */ }));
        adapter.setRxChecksumCapabilities(RxChecksumCapabilities.of(active -> rxChecksum = active));
        adapter.setDatapath(this);
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> done) {
        completions.execute(() -> done.send(TxResult.sent(nic.send(packet))));
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> done) {
        RxChecksumOffload active = rxChecksum;
        completions.execute(() -> done.send(nic.indicate(batch.frames(), active)));
    }

    @Override
    public void close() {
        completions.shutdownNow();
    }
}
