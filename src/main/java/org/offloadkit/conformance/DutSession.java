package org.offloadkit.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RxChecksumVector;
import org.offloadkit.corpus.TxChecksumVector;
import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.dut.DutRegistry.ResolvedDut;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.DutFault;
import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.Reception;
import org.offloadkit.framework.Transmission;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RxIndication;
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

    private DutSession(ResolvedDut dut, AdapterHost host, DeviceUnderTest device, DutFault startFault) {
        this.dut = dut;
        this.host = host;
        this.device = device;
        this.startFault = startFault;
    }

    /** Creates the DUT and starts it; a DUT that faults here fails every test of the run as a DUT fault. */
    public static DutSession open(ResolvedDut dut, Keywords keywords, Duration timeout) {
        AdapterHost host = new AdapterHost(dut.spec(), keywords, timeout);
        DeviceUnderTest device = dut.create();
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

    /** The framework's view of the adapter; throws the start fault when the DUT never started. */
    public AdapterHost host() {
        if (startFault != null) {
            throw startFault;
        }
        return host;
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

    @Override
    public void close() {
        try {
            device.close();
        } finally {
            host.close();
        }
    }
}
