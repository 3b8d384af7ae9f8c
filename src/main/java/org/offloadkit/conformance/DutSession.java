package org.offloadkit.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.offloadkit.corpus.GsoVector;
import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RxChecksumVector;
import org.offloadkit.corpus.TxChecksumVector;
import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.dut.DutRegistry.ResolvedDut;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.BugCheck;
import org.offloadkit.framework.FrameworkProfile;
import org.offloadkit.framework.DutFault;
import org.offloadkit.framework.GsoTransmission;
import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.Reception;
import org.offloadkit.framework.Transmission;
import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxCounters;
import org.offloadkit.spec.TxResult;

/**
 * One DUT attached to the framework for a run: initialized, started, and observed. Each corpus vector is
 * sent once and its observation kept, because several requirements judge the same transmission.
 */
public final class DutSession implements AutoCloseable {
    private final ResolvedDut dut;
    private final AdapterHost host;
    private final DeviceUnderTest device;
    private final DutFault startFault;
    private final Map<String, TxObservation> transmitted = new ConcurrentHashMap<>();
    private final Map<String, RxObservation> received = new ConcurrentHashMap<>();
    private final Map<String, RxBatchesObservation> coalesced = new ConcurrentHashMap<>();
    private final Map<String, GsoObservation> segmented = new ConcurrentHashMap<>();
    private final Map<String, Segmentation> expectedSegments = new ConcurrentHashMap<>();

    private DutSession(ResolvedDut dut, AdapterHost host, DeviceUnderTest device, DutFault startFault) {
        this.dut = dut;
        this.host = host;
        this.device = device;
        this.startFault = startFault;
    }

    /** Creates the DUT and starts it; a DUT that faults here fails every test of the run as a DUT fault. */
    public static DutSession open(ResolvedDut dut, Keywords keywords, Duration timeout, FrameworkProfile profile) {
        AdapterHost host = new AdapterHost(dut.spec(), keywords, timeout, profile);
        DeviceUnderTest device = dut.create(timeout);
        try {
            host.initialize(device::initialize);
            host.start();
            return new DutSession(dut, host, device, null);
        } catch (DutFault fault) {
            return new DutSession(dut, host, device, fault);
        }
    }

    public String name() {
        return dut.spec();
    }

    /**
     * A second instance of the same DUT, started under other keywords, for the tests that judge what keywords
     * do (the caller closes it). Its faults are its own.
     */
    public DutSession withKeywords(Keywords keywords) {
        return open(dut, keywords, host.timeout(), host.profile());
    }

    /** The bug check the DUT's driver code raised, if any, whether or not the DUT started. */
    public Optional<BugCheck> bugCheck() {
        return host.bugCheck();
    }

    /** The device itself, for the tests that look into what a built-in adapter did. */
    public DeviceUnderTest device() {
        return device;
    }

    /** The framework's view of the adapter; throws the start fault when the DUT never started. */
    public AdapterHost host() {
        if (startFault != null) {
            throw startFault;
        }
        return host;
    }

    public FrameworkProfile profile() {
        return host.profile();
    }

    public Duration timeout() {
        return host.timeout();
    }

    public boolean started() {
        return startFault == null;
    }

    public DutFault startFault() {
        return startFault;
    }

    public TxObservation transmit(TxChecksumVector vector) {
        return transmitted.computeIfAbsent(vector.id(), id -> transmitNow(vector));
    }

    private TxObservation transmitNow(TxChecksumVector vector) {
        Transmission transmission = host().transmit(vector.frame(), vector.layout(), vector.request());
        try {
            TxResult result = transmission.result().await();
            return new TxObservation(vector, transmission, result, null);
        } catch (DutFault fault) {
            return new TxObservation(vector, transmission, null, fault);
        }
    }

    /** The large send under the switches at start, observed once. */
    public GsoObservation transmit(GsoVector vector) {
        return segmented.computeIfAbsent(vector.id(), id -> transmitNow(vector));
    }

    /** The large send now, under whatever the switches are at the moment; the DUT's counters read around it. */
    public GsoObservation transmitNow(GsoVector vector) {
        GsoTransmission transmission = null;
        try {
            Optional<TxCounters> before = host().transmitCounters();
            transmission = host().transmit(vector.frame(), vector.layout(), TxChecksum.PASSTHROUGH, vector.send());
            TxResult result = transmission.await();
            Optional<TxCounters> counted = before.flatMap(b -> host().transmitCounters().map(after -> after.minus(b)));
            return new GsoObservation(vector, transmission, result, counted, null, expected(vector));
        } catch (DutFault fault) {
            return new GsoObservation(vector, transmission, null, Optional.empty(), fault, expected(vector));
        }
    }

    /**
     * What a correct NIC puts on the wire for the send where the framework routes it: within the DUT's own
     * advertised limits on its hardware, without limits after the framework's software segmentation.
     */
    public Segmentation expected(GsoVector vector) {
        return expectedSegments.computeIfAbsent(vector.id(), id -> {
            GsoCapabilities gso = host().advertisement().gso();
            boolean hardware = gso != null && !host().gsoRoute(vector.layout(), vector.send()).software();
            GsoSegmenter.Limits limits = hardware ? GsoSegmenter.Limits.of(gso.shapes(), gso.subMssFinalSegmentSupported())
                    : GsoSegmenter.Limits.UNCHECKED;
            return GsoSegmenter.segment(vector.frame(), vector.send(), limits, GsoSegmenter.Checksums.FINISHED);
        });
    }

    /** The vector received under the default active set, observed once. */
    public RxObservation receive(RxChecksumVector vector) {
        return received.computeIfAbsent(vector.id(), id -> receiveNow(vector));
    }

    /** The vector received now, under whatever the active set is at the moment. */
    public RxObservation receiveNow(RxChecksumVector vector) {
        try {
            List<RxIndication> indications = host().receive(List.of(vector.frame())).indications().await();
            return new RxObservation(vector, indications, null);
        } catch (DutFault fault) {
            return new RxObservation(vector, List.of(), fault);
        }
    }

    /**
     * OID_TCP_OFFLOAD_PARAMETERS as the stack sends it, returning once the DUT's callbacks have; the suites
     * ask only what the framework grants, so a refusal is the kit's error.
     */
    public void request(OffloadParameters parameters) {
        AdapterHost.StackRequest answer = host().request(parameters);
        if (answer.status() != NdisStatus.SUCCESS) {
            throw new IllegalStateException("the framework answered " + answer.status() + " to " + parameters);
        }
        answer.callbacks().await();
    }

    /** The case's batches received under the default active set, observed once. */
    public RxBatchesObservation receive(RscCase rscCase) {
        return coalesced.computeIfAbsent(rscCase.id(), id -> receiveNow(rscCase));
    }

    /**
     * The case's batches received now: all handed over back to back, as interrupts follow one another, and
     * only then awaited, so an adapter that holds a batch's answer back is seen doing it.
     */
    public RxBatchesObservation receiveNow(RscCase rscCase) {
        try {
            List<Reception> receptions = rscCase.batches().stream().map(batch -> host().receive(batch)).toList();
            List<List<RxIndication>> answers = new ArrayList<>();
            for (Reception reception : receptions) {
                answers.add(reception.indications().await());
            }
            return new RxBatchesObservation(rscCase, answers, null);
        } catch (DutFault fault) {
            return new RxBatchesObservation(rscCase, List.of(), fault);
        }
    }

    /** What the DUT tells of itself for the report; nothing from a DUT that throws here. */
    public Map<String, String> deviceDetails() {
        try {
            return device.details();
        } catch (RuntimeException e) {
            return Map.of("DUT details", "the DUT threw while describing itself: " + e);
        }
    }

    /**
     * Forgets what was observed of a vector, so that a run over vectors without end (a capture replayed) keeps
     * only the observations of the vectors being judged.
     */
    public void forget(String vectorId) {
        transmitted.remove(vectorId);
        received.remove(vectorId);
        coalesced.remove(vectorId);
        segmented.remove(vectorId);
        expectedSegments.remove(vectorId);
    }

    @Override
    public void close() {
        try {
            device.close();
        } finally {
            host.close();
        }
    }
}
