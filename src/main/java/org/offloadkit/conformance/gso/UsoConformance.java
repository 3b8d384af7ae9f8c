package org.offloadkit.conformance.gso;

import static org.offloadkit.conformance.gso.GsoJudge.corpus;
import static org.offloadkit.conformance.gso.GsoJudge.differs;
import static org.offloadkit.conformance.gso.GsoJudge.eachSegment;
import static org.offloadkit.conformance.gso.GsoJudge.failure;
import static org.offloadkit.conformance.gso.GsoJudge.inHardware;
import static org.offloadkit.conformance.gso.GsoJudge.observe;
import static org.offloadkit.conformance.gso.GsoJudge.refusedFor;
import static org.offloadkit.conformance.gso.GsoJudge.segmented;
import static org.offloadkit.conformance.gso.GsoJudge.segmentsSent;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.offloadkit.conformance.Case;
import org.offloadkit.conformance.Judgement;
import org.offloadkit.conformance.GsoObservation;
import org.offloadkit.conformance.Verdict;
import org.offloadkit.corpus.GsoVector;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.reference.Segmentation.Reason;
import org.offloadkit.report.Requirement;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.TxCounters;
import org.offloadkit.spec.TxResult;
import org.testng.SkipException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * UDP segmentation, GSO-UDP-01..08: each corpus send the framework hands to the DUT's hardware goes through
 * once, and its datagrams are judged beside the reference's, each requirement on its own fields. Sends the
 * framework segments itself are judged by GSO-FB-01..03.
 */
@Epic("Segmentation offload")
@Feature("UDP segmentation")
public class UsoConformance {

    private static Iterator<Object[]> sends(Predicate<GsoVector> applies, String noneReason) {
        return GsoJudge.cases(corpus().uso(), Layer4Flag.UDP, v -> inHardware(v) && applies.test(v), noneReason);
    }

    /** The tests that judge a large send derived from a capture (see {@link GsoJudge#judgementsOf}). */
    public static List<Judgement<GsoVector>> judgementsOf(GsoVector v) {
        return GsoJudge.judgementsOf(v, Layer4Flag.UDP, Reason.SUB_MSS_FINAL_SEGMENT_UNSUPPORTED, UsoConformance.class,
                "required_gsoUdp01_mssBytesButTheLast",
                List.of("required_gsoUdp02_lengthsPerDatagram", "required_gsoUdp03_checksums", "required_gsoUdp05_headersReplicated",
                        "required_gsoUdp06_statistics"),
                List.of("required_gsoUdp04_ipv4Ids"), List.of("required_gsoUdp07_failureAfterAllAttempted"));
    }

    @DataProvider
    public Iterator<Object[]> segmentedInHardware() {
        return sends(GsoJudge::segmented, "no USO send of the corpus reaches the DUT's hardware within its limits");
    }

    // ---------------------------------------------------------------- GSO-UDP-01

    @DataProvider
    public Iterator<Object[]> segmentedOrShortLastDatagram() {
        return sends(v -> segmented(v) || refusedFor(v, Reason.SUB_MSS_FINAL_SEGMENT_UNSUPPORTED),
                "no USO send of the corpus reaches the DUT's hardware within its limits");
    }

    @Test(dataProvider = "segmentedOrShortLastDatagram")
    @Requirement(value = "GSO-UDP-01", title = "The user bytes in order, MSS a datagram but the last; a short last one only with SubMssFinalSegmentSupported")
    public void required_gsoUdp01_mssBytesButTheLast(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        if (o.expected() instanceof Segmentation.Refused) {
            GsoJudge.mustFail("GSO-UDP-01", o, "ends in a datagram shorter than the MSS and the DUT does not advertise SubMssFinalSegmentSupported");
            return;
        }
        GsoJudge.judgeCount("GSO-UDP-01", o, "datagrams");
        GsoJudge.judgePayloadSizes("GSO-UDP-01", o, "datagram");
        GsoJudge.judgeUserBytes("GSO-UDP-01", o);
    }

    // ---------------------------------------------------------------- GSO-UDP-02

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-UDP-02", title = "UDP Length = 8 + payload; IP lengths and the IPv4 header checksum per datagram")
    public void required_gsoUdp02_lengthsPerDatagram(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        eachSegment("GSO-UDP-02", o, "each datagram's UDP Length is 8 + its payload, its IPv4 Total Length or IPv6 Payload Length counts"
                        + " its own bytes, and its IPv4 header checksum is its own",
                (i, n, e, a) -> {
                    String lengths = differs(e, a, "udp.length", "ip.len", "ipv6.plen");
                    return lengths != null ? lengths : GsoJudge.headerChecksum(e, a);
                });
    }

    // ---------------------------------------------------------------- GSO-UDP-03

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-UDP-03", title = "Every datagram's UDP checksum verifies; a template checksum of 0 stays 0")
    public void required_gsoUdp03_checksums(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        eachSegment("GSO-UDP-03", o, o.vector().has(GsoVector.NO_UDP_CHECKSUM)
                        ? "the template's UDP checksum is 0 (no checksum), so every datagram's stays 0 (spec 2.4 item 3)"
                        : "each datagram's UDP checksum is its own: over the pseudo-header with its UDP length, its header and payload",
                (i, n, e, a) -> GsoJudge.transportChecksum(e, a));
    }

    // ---------------------------------------------------------------- GSO-UDP-04

    @DataProvider
    public Iterator<Object[]> ipv4SegmentedInHardware() {
        return sends(v -> segmented(v) && v.layout().isIPv4(), "no IPv4 USO send of the corpus reaches the DUT's hardware within its limits");
    }

    @Test(dataProvider = "ipv4SegmentedInHardware")
    @Requirement(value = "GSO-UDP-04", title = "IPv4 IDs: template + i, wrapping at 16 bits")
    public void required_gsoUdp04_ipv4Ids(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        eachSegment("GSO-UDP-04", o, "datagram i carries the template's ID + i, 0xFFFF wrapping to 0x0000 (spec 2.4 item 4)",
                (i, n, e, a) -> differs(e, a, "ip.id"));
    }

    // ---------------------------------------------------------------- GSO-UDP-05

    private static final Set<String> NOT_FROM_THE_TEMPLATE = Set.of("udp.length", "ip.len", "ipv6.plen", "ip.id", "ip.checksum",
            "udp.checksum", "payload", "eth.padding");

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-UDP-05", title = "The template's headers, IPv4 options included, on every datagram")
    public void required_gsoUdp05_headersReplicated(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        eachSegment("GSO-UDP-05", o, "every datagram carries the template's headers, IPv4 options and IPv6 extension headers unchanged;"
                        + " only lengths, IPv4 IDs and checksums differ (spec 2.4 item 5)",
                (i, n, e, a) -> differs(e, a, f -> !NOT_FROM_THE_TEMPLATE.contains(f.key())));
    }

    // ---------------------------------------------------------------- GSO-UDP-06

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-UDP-06", title = "Transmit statistics count every datagram, header bytes included")
    public void required_gsoUdp06_statistics(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        List<byte[]> actual = segmentsSent("GSO-UDP-06", o);
        TxCounters counted = o.counted().orElseThrow(() -> new SkipException("the DUT keeps no transmit counters (Datapath.transmitCounters"
                + " is empty), so the kit cannot read what it reports to OID_GEN_STATISTICS"));
        TxCounters onTheWire = TxCounters.of(actual);
        if (!counted.equals(onTheWire)) {
            throw failure("GSO-UDP-06", o, -1, "the DUT's counters grew by " + counted + " for a send that put " + onTheWire
                    + " on the wire: every datagram counts, its header bytes included (spec 2.4 item 6)");
        }
    }

    // ---------------------------------------------------------------- GSO-UDP-07

    @DataProvider
    public Iterator<Object[]> everySendInHardware() {
        return sends(v -> true, "no USO send of the corpus reaches the DUT's hardware");
    }

    /**
     * A send completes once, so in process "after every datagram" holds by construction; what the kit can
     * judge is that the completion tells the truth: a success with every datagram, a failure otherwise.
     */
    @Test(dataProvider = "everySendInHardware")
    @Requirement(value = "GSO-UDP-07", title = "A datagram that fails fails the send, once every datagram was attempted")
    public void required_gsoUdp07_failureAfterAllAttempted(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        TxResult result = o.completion();
        if (o.expected() instanceof Segmentation.Refused) {
            if (result.success()) {
                throw failure("GSO-UDP-07", o, -1, "the DUT completed with success a send it cannot do (" + o.expected()
                        + "): a send whose datagrams fail completes with failure");
            }
            return;
        }
        if (result.success() && result.frames().size() != o.expectedFrames().size()) {
            throw failure("GSO-UDP-07", o, -1, "the DUT completed with success but put " + result.frames().size() + " of "
                    + o.expectedFrames().size() + " datagrams on the wire: a datagram that failed must fail the send (spec 2.4 item 7)");
        }
    }

    // ---------------------------------------------------------------- GSO-UDP-08

    @DataProvider
    public Object[][] ipVersions() {
        return new Object[][] {{"IPv4"}, {"IPv6"}};
    }

    @Test(dataProvider = "ipVersions")
    @Requirement(value = "GSO-UDP-08", title = "USO over IPv4 and IPv6; what it cannot do it fails, never crashes; dropped once switched off")
    public void required_gsoUdp08_ipv4AndIpv6(String version) {
        boolean ipv4 = version.equals("IPv4");
        GsoVector probe = GsoJudge.probe(corpus().uso(), Layer4Flag.UDP, ipv4);
        GsoCapabilities gso = GsoJudge.host().advertisement().gso();
        Layer3Flag base = ipv4 ? Layer3Flag.IPV4_NO_OPTIONS : Layer3Flag.IPV6_NO_EXTENSIONS;
        if (!gso.shapes().has(base)) {
            throw Verdict.failure("GSO-UDP-08", "the DUT advertises USO (" + gso + ") without " + base + ": USO must work over IPv4 and IPv6"
                    + " (spec 2.4 item 8)", () -> { });
        }
        for (GsoVector v : corpus().uso()) {
            if (v.layout().isIPv4() == ipv4 && inHardware(v) && segmented(v)) {
                GsoObservation o = observe(v);
                if (!o.completion().success() || o.completion().frames().size() != o.expectedFrames().size()) {
                    throw failure("GSO-UDP-08", o, -1, "the send completed as '" + o.completion() + "', expected "
                            + o.expectedFrames().size() + " datagrams: USO must work over " + version);
                }
            }
        }
    }

    @DataProvider
    public Iterator<Object[]> beyondTheDutsLimits() {
        return sends(v -> refusedFor(v, Reason.OVER_MAXIMUM_OFFLOAD_SIZE, Reason.MSS_TOO_LARGE, Reason.FEWER_THAN_MINIMUM_SEGMENTS),
                "no USO send of the corpus is beyond the DUT's limits");
    }

    @Test(dataProvider = "beyondTheDutsLimits")
    @Requirement(value = "GSO-UDP-08", title = "USO over IPv4 and IPv6; what it cannot do it fails, never crashes; dropped once switched off")
    public void required_gsoUdp08_impossibleSendsFailed(Case<GsoVector> vector) {
        GsoJudge.mustFail("GSO-UDP-08", observe(vector.get()), "is beyond what the DUT advertised");
    }

    @DataProvider
    public Object[][] usoFields() {
        return new Object[][] {{SwitchField.USO_IPV4}, {SwitchField.USO_IPV6}};
    }

    @Test(dataProvider = "usoFields")
    @Requirement(value = "GSO-UDP-08", title = "USO over IPv4 and IPv6; what it cannot do it fails, never crashes; dropped once switched off")
    public void required_gsoUdp08_droppedOnceSwitchedOff(SwitchField field) {
        GsoJudge.judgeSwitchingOff("GSO-UDP-08", field, corpus().uso(), Layer4Flag.UDP, field == SwitchField.USO_IPV4);
    }
}
