package org.offloadkit.conformance.framework;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.DutSession;
import org.offloadkit.conformance.Verdict;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.BugCheck;
import org.offloadkit.framework.BugCheckException;
import org.offloadkit.framework.DutFault;
import org.offloadkit.framework.FailureCode;
import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * A probe adapter: a small driver written to do one thing a rule is about, started on a framework of its own
 * beside the DUT, under the run's behaviour profile. The framework's verifier and capability sets are judged
 * through it where the DUT cannot be made to show them.
 */
final class Probe implements AutoCloseable, Datapath {
    final AdapterHost host;
    final AtomicReference<NetAdapter> handle = new AtomicReference<>();
    final List<Runnable> onTransmit = new CopyOnWriteArrayList<>();

    private Probe(String name, Keywords keywords) {
        DutSession session = ConformanceRun.session();
        this.host = new AdapterHost("probe " + name, keywords, session.timeout(), session.profile());
    }

    /** Initializes the probe with {@code advertise} (which need not register the datapath) and starts it. */
    static Probe started(String name, Keywords keywords, Consumer<NetAdapter> advertise) {
        Probe probe = initialized(name, keywords, advertise);
        if (probe.host.bugCheck().isEmpty()) {
            probe.host.start();
        }
        return probe;
    }

    /** Initializes the probe; a bug check raised here is kept for the test to read. */
    static Probe initialized(String name, Keywords keywords, Consumer<NetAdapter> advertise) {
        Probe probe = new Probe(name, keywords);
        try {
            probe.host.initialize(adapter -> {
                probe.handle.set(adapter);
                adapter.setDatapath(probe);
                advertise.accept(adapter);
            });
        } catch (DutFault expectedWhenTheProbeBreaksARule) {
            // the bug check is on the host
        }
        return probe;
    }

    /** Runs a driver call as the probe's own code would, keeping the bug check it raises. */
    void call(Consumer<NetAdapter> driverCode) {
        try {
            driverCode.accept(handle.get());
        } catch (BugCheckException kept) {
            // the bug check is on the host
        }
    }

    Optional<BugCheck> bugCheck() {
        return host.bugCheck();
    }

    /**
     * Fails {@code requirement} unless the probe's framework raised bug check 0x19E with this failure code
     * (and parameter 3, when given).
     */
    void assertBugCheck(String requirement, String what, FailureCode code, Long parameter3) {
        Optional<BugCheck> raised = bugCheck();
        boolean right = raised.isPresent() && raised.get().failure() == code
                && (parameter3 == null || raised.get().parameter3() == parameter3);
        if (!right) {
            throw Verdict.failure(requirement, "the framework's verifier let a probe adapter that " + what + " go with "
                    + raised.map(BugCheck::toString).orElse("no bug check") + "; expected bug check 0x19E with P1=" + code.code
                    + " (" + code + ")" + (parameter3 == null ? "" : " and P3=" + parameter3), () -> { });
        }
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        onTransmit.forEach(Runnable::run);
        completion.send(TxResult.sent(packet.frame()));
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        indications.send(List.of());
    }

    @Override
    public void close() {
        host.close();
    }
}
