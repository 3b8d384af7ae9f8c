package org.offloadkit.conformance.checksum;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.offloadkit.conformance.Case;
import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.Judgement;
import org.offloadkit.conformance.DutSession;
import org.offloadkit.conformance.RxObservation;
import org.offloadkit.conformance.Verdict;
import org.offloadkit.corpus.ChecksumCorpus;
import org.offloadkit.corpus.RxChecksumVector;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.NdisRxChecksumFlags;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.reference.RxChecksumEvaluator;
import org.offloadkit.report.Evidence;
import org.offloadkit.report.Requirement;
import org.offloadkit.spec.ChecksumParameter;
import org.offloadkit.spec.ChecksumSwitches;
import org.offloadkit.spec.ChecksumTarget;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.testng.SkipException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * Receive checksum offload, CSUM-RX-01..03: each corpus frame arrives as a batch of its own, and the DUT's
 * indication is judged against the reference evaluation under the same active set.
 */
@Epic("Checksum offload")
@Feature("Rx checksum")
public class RxChecksumConformance {

    // ---------------------------------------------------------------- CSUM-RX-01

    @DataProvider
    public Iterator<Object[]> received() {
        return vectors(v -> true);
    }

    @Test(dataProvider = "received")
    @Requirement(value = "CSUM-RX-01", title = "The indication's layout lets its evaluation reach NDIS as Succeeded/Failed flags")
    public void required_csumRx01_layoutCarriesEvaluation(Case<RxChecksumVector> vector) {
        RxChecksumVector v = vector.get();
        RxIndication actual = observe(v).indication("CSUM-RX-01");
        RxIndication expected = RxChecksumEvaluator.indicate(v.frame(), activeRx());
        if (!java.util.Arrays.equals(actual.frame(), v.frame())) {
            throw failure("CSUM-RX-01", v, expected, actual, "the indicated frame is not the frame received");
        }
        String layoutDifference = layoutDifference(expected.layout(), actual.layout());
        if (layoutDifference != null) {
            throw failure("CSUM-RX-01", v, expected, actual, "NET_PACKET_LAYOUT " + layoutDifference
                    + "; NDIS flags from this indication: " + NdisRxChecksumFlags.of(actual) + ", with the right layout: "
                    + NdisRxChecksumFlags.of(new RxIndication(v.frame(), expected.layout(), actual.checksum())));
        }
    }

    // ---------------------------------------------------------------- CSUM-RX-02

    @Test(dataProvider = "received")
    @Requirement(value = "CSUM-RX-02", title = "Corrupted IPv4/TCP/UDP checksums are Invalid, correct ones Valid")
    public void required_csumRx02_evaluation(Case<RxChecksumVector> vector) {
        RxChecksumVector v = vector.get();
        RxIndication actual = observe(v).indication("CSUM-RX-02");
        RxIndication expected = RxChecksumEvaluator.indicate(v.frame(), activeRx());
        judgeEvaluation("CSUM-RX-02", v, expected, actual);
    }

    // ---------------------------------------------------------------- CSUM-RX-03

    /** A protocol the stack can switch Rx checksum off for, and the layer its verdict lives in. */
    enum Protocol {
        IPV4_HEADER("IPv4 header", true, FrameLayout::isIPv4, ChecksumTarget.IPV4_HEADER),
        TCP("TCP", false, FrameLayout::isTcp, ChecksumTarget.TCP_IPV4, ChecksumTarget.TCP_IPV6),
        UDP("UDP", false, FrameLayout::isUdp, ChecksumTarget.UDP_IPV4, ChecksumTarget.UDP_IPV6);

        final String label;
        final boolean layer3;
        final Predicate<FrameLayout> carries;
        final List<ChecksumTarget> targets;

        Protocol(String label, boolean layer3, Predicate<FrameLayout> carries, ChecksumTarget... targets) {
            this.label = label;
            this.layer3 = layer3;
            this.carries = carries;
            this.targets = List.of(targets);
        }

        RxChecksumEvaluation of(RxChecksum checksum) {
            return layer3 ? checksum.layer3() : checksum.layer4();
        }

        @Override
        public String toString() {
            return "Rx " + label + " checksum disabled";
        }
    }

    @DataProvider
    public Object[][] protocols() {
        return new Object[][] {{Protocol.IPV4_HEADER}, {Protocol.TCP}, {Protocol.UDP}};
    }

    @Test(dataProvider = "protocols")
    @Requirement(value = "CSUM-RX-03", title = "With Rx checksum disabled for a protocol, its layer is NotChecked")
    public void required_csumRx03_disabledProtocolNotChecked(Protocol protocol) {
        AdapterHost host = requireRxRegistered();
        List<RxChecksumVector> vectors = corpus().rx().stream()
                .filter(v -> protocol.carries.test(RxChecksumEvaluator.indicate(v.frame(), RxChecksumOffload.ALL).layout()))
                .toList();
        RxChecksumVector probe = vectors.stream()
                .filter(v -> protocol.of(v.intended()) == RxChecksumEvaluation.VALID).findFirst().orElseThrow();
        ChecksumSwitches before = host.checksumSwitches();
        request(protocol, before, false);
        try {
            awaitDatapath(protocol, probe, RxChecksumEvaluation.NOT_CHECKED);
            for (RxChecksumVector v : vectors) {
                RxIndication actual = ConformanceRun.session().receiveNow(v).indication("CSUM-RX-03");
                if (protocol.of(actual.checksum()) != RxChecksumEvaluation.NOT_CHECKED) {
                    RxIndication expected = RxChecksumEvaluator.indicate(v.frame(), activeRx());
                    throw failure("CSUM-RX-03", v, expected, actual, protocol.label + " evaluation is "
                            + protocol.of(actual.checksum()) + " while the stack has it disabled; expected NOT_CHECKED");
                }
            }
        } finally {
            request(protocol, before, true);
            awaitDatapath(protocol, probe, RxChecksumEvaluation.VALID);
        }
    }

    /** Switches Rx off for the protocol (or back as it was), as the stack would, and waits for the callbacks. */
    private static void request(Protocol protocol, ChecksumSwitches before, boolean restore) {
        Map<ChecksumTarget, ChecksumParameter> fields = new EnumMap<>(ChecksumTarget.class);
        for (ChecksumTarget target : protocol.targets) {
            fields.put(target, ChecksumParameter.of(before.tx(target), restore && before.rx(target)));
        }
        ConformanceRun.session().request(OffloadParameters.checksum(fields));
    }

    /** After the callback returned, the DUT's datapath must follow; awaited by receiving the probe again. */
    private static void awaitDatapath(Protocol protocol, RxChecksumVector probe, RxChecksumEvaluation wanted) {
        DutSession session = ConformanceRun.session();
        Duration timeout = session.host().timeout();
        RxChecksumEvaluation[] last = {null};
        try {
            Awaitility.await("the DUT's receive path to follow " + protocol)
                    .atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).pollInSameThread()
                    .until(() -> {
                        last[0] = protocol.of(session.receiveNow(probe).indication("CSUM-RX-03").checksum());
                        return last[0] == wanted;
                    });
        } catch (ConditionTimeoutException e) {
            throw Verdict.failure("CSUM-RX-03", "after the framework called the DUT back (" + session.host().activeRxChecksum()
                            + "), " + probe + " was still indicated " + last[0] + " for " + protocol.label + " after "
                            + timeout.toMillis() + " ms; expected " + wanted, () -> Verdict.attachInput(probe.frame()));
        }
    }

    // ---------------------------------------------------------------- shared

    private static ChecksumCorpus corpus() {
        return TxChecksumConformance.corpus();
    }

    private static Iterator<Object[]> vectors(Predicate<RxChecksumVector> applies) {
        if (ConformanceRun.session().started() && ConformanceRun.session().host().advertisement().rxChecksum() == null) {
            return List.<Object[]>of(new Object[] {Case.none("the DUT did not register Rx checksum capabilities")}).iterator();
        }
        return corpus().rx().stream().filter(applies).map(v -> new Object[] {Case.of(v)}).toList().iterator();
    }

    /** The tests that judge a received frame; replay judges with them. Skips when the DUT registered no Rx checksum. */
    public static List<Judgement<RxChecksumVector>> judgementsOf(RxChecksumVector v) {
        requireRxRegistered();
        return List.of(Judgement.of(RxChecksumConformance.class, "required_csumRx01_layoutCarriesEvaluation"),
                Judgement.of(RxChecksumConformance.class, "required_csumRx02_evaluation"));
    }

    private static AdapterHost requireRxRegistered() {
        AdapterHost host = ConformanceRun.session().host();
        if (host.advertisement().rxChecksum() == null) {
            throw new SkipException("the DUT did not register Rx checksum capabilities");
        }
        return host;
    }

    private static RxChecksumOffload activeRx() {
        return ConformanceRun.session().host().activeRxChecksum();
    }

    private static RxObservation observe(RxChecksumVector v) {
        return ConformanceRun.session().receive(v);
    }

    private static void judgeEvaluation(String requirement, RxChecksumVector v, RxIndication expected, RxIndication actual) {
        if (actual.checksum().layer3() != expected.checksum().layer3()) {
            throw failure(requirement, v, expected, actual, "layer 3 evaluation is " + actual.checksum().layer3()
                    + ", expected " + expected.checksum().layer3());
        }
        RxChecksumEvaluation l4 = actual.checksum().layer4();
        if (l4 == expected.checksum().layer4()) {
            return;
        }
        if (v.has(RxChecksumVector.UDP_ZERO_CHECKSUM_IPV4) && l4 == RxChecksumEvaluation.NOT_CHECKED) {
            // [GAP] CSUM-RX-02 says only that a zero IPv4 UDP checksum is "not Invalid": NotChecked is accepted too.
            Evidence.text("accepted", v + ": layer 4 " + l4 + " accepted for an IPv4 UDP datagram sent without a checksum;"
                    + " the spec requires only that it is not Invalid (the reference says " + expected.checksum().layer4() + ")");
            return;
        }
        throw failure(requirement, v, expected, actual, "layer 4 evaluation is " + l4 + ", expected " + expected.checksum().layer4());
    }

    private static String layoutDifference(FrameLayout expected, FrameLayout actual) {
        if (expected.layer2Type() != actual.layer2Type() || expected.layer2Length() != actual.layer2Length()) {
            return "layer 2 is " + actual.layer2Type() + "/" + actual.layer2Length() + ", expected " + expected.layer2Type() + "/" + expected.layer2Length();
        }
        if (expected.layer3Type() != actual.layer3Type() || expected.layer3Length() != actual.layer3Length()) {
            return "layer 3 is " + actual.layer3Type() + "/" + actual.layer3Length() + ", expected " + expected.layer3Type() + "/" + expected.layer3Length();
        }
        if (expected.layer4Type() != actual.layer4Type() || expected.layer4Length() != actual.layer4Length()) {
            return "layer 4 is " + actual.layer4Type() + "/" + actual.layer4Length() + ", expected " + expected.layer4Type() + "/" + expected.layer4Length();
        }
        return null;
    }

    private static AssertionError failure(String requirement, RxChecksumVector v, RxIndication expected, RxIndication actual, String what) {
        return Verdict.failure(requirement, v + ": " + what, () -> {
            Verdict.attachInput(v.frame());
            Evidence.text("indications", "expected " + expected + "\nactual   " + actual
                    + "\n\nNDIS flags expected " + NdisRxChecksumFlags.of(expected) + "\nNDIS flags actual   " + NdisRxChecksumFlags.of(actual)
                    + "\n\nthe frame:\n" + org.offloadkit.packet.FrameDiff.table(v.frame(), actual.frame()));
        });
    }

}
