package org.offloadkit.conformance.gso;

import static org.offloadkit.conformance.gso.GsoJudge.corpus;
import static org.offloadkit.conformance.gso.GsoJudge.differs;
import static org.offloadkit.conformance.gso.GsoJudge.eachSegment;
import static org.offloadkit.conformance.gso.GsoJudge.failure;
import static org.offloadkit.conformance.gso.GsoJudge.flagBits;
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
import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.reference.Segmentation.Reason;
import org.offloadkit.report.Evidence;
import org.offloadkit.report.Requirement;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.LargeSend.Flavor;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.LsoCompletion;
import org.offloadkit.spec.SwitchField;
import org.testng.SkipException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * TCP large send, GSO-TCP-01..14: each corpus send the framework hands to the DUT's hardware goes through
 * once, and what reaches the wire is judged segment by segment beside the reference's segmentation, each
 * requirement on its own fields. Sends the framework segments itself are judged by GSO-FB-01..03.
 */
@Epic("Segmentation offload")
@Feature("TCP large send")
public class LsoConformance {

    private static final int FIN_PSH = TcpFlags.FIN | TcpFlags.PSH;

    /** LSO sends of the DUT's hardware that apply. */
    private static Iterator<Object[]> sends(Predicate<GsoVector> applies, String noneReason) {
        return GsoJudge.cases(corpus().lso(), Layer4Flag.TCP_NO_OPTIONS, v -> inHardware(v) && applies.test(v), noneReason);
    }

    /** The tests that judge a large send derived from a capture (see {@link GsoJudge#judgementsOf}). */
    public static List<Judgement<GsoVector>> judgementsOf(GsoVector v) {
        return GsoJudge.judgementsOf(v, Layer4Flag.TCP_NO_OPTIONS, Reason.FEWER_THAN_MINIMUM_SEGMENTS, LsoConformance.class,
                "required_gsoTcp01_segmentCount",
                List.of("required_gsoTcp02_mssBytesButTheLast", "required_gsoTcp03_payloadsJoinToTheUserBytes",
                        "required_gsoTcp04_sequenceNumbers", "required_gsoTcp05_headersFromTheTemplate",
                        "required_gsoTcp06_finAndPshOnlyOnLastSegment", "required_gsoTcp07_cwrOnlyOnFirstSegment",
                        "required_gsoTcp08_ipLengthsPerSegment", "required_gsoTcp09_checksumsVerify",
                        "required_gsoTcp11_lengthSource", "required_gsoTcp12_completionInformation"),
                List.of("required_gsoTcp10_ipv4Ids"), List.of());
    }

    @DataProvider
    public Iterator<Object[]> segmentedInHardware() {
        return sends(GsoJudge::segmented, "no LSO send of the corpus reaches the DUT's hardware within its limits");
    }

    // ---------------------------------------------------------------- GSO-TCP-01

    @DataProvider
    public Iterator<Object[]> segmentedOrTooFewSegments() {
        return sends(v -> segmented(v) || refusedFor(v, Reason.FEWER_THAN_MINIMUM_SEGMENTS),
                "no LSO send of the corpus reaches the DUT's hardware within its MaximumOffloadSize");
    }

    @Test(dataProvider = "segmentedOrTooFewSegments")
    @Requirement(value = "GSO-TCP-01", title = "ceil(payload / MSS) segments, never fewer than MinimumSegmentCount")
    public void required_gsoTcp01_segmentCount(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        if (o.expected() instanceof Segmentation.Refused) {
            GsoJudge.mustFail("GSO-TCP-01", o, "makes fewer segments than the DUT's MinimumSegmentCount");
            return;
        }
        GsoJudge.judgeCount("GSO-TCP-01", o, "segments");
    }

    // ---------------------------------------------------------------- GSO-TCP-02

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-TCP-02", title = "Every segment carries MSS payload bytes but the last, which carries the rest (1..MSS)")
    public void required_gsoTcp02_mssBytesButTheLast(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        GsoJudge.judgePayloadSizes("GSO-TCP-02", o, "segment");
    }

    // ---------------------------------------------------------------- GSO-TCP-03

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-TCP-03", title = "The segments' payloads put together are the send's user bytes")
    public void required_gsoTcp03_payloadsJoinToTheUserBytes(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        GsoJudge.judgeUserBytes("GSO-TCP-03", o);
    }

    // ---------------------------------------------------------------- GSO-TCP-04

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-TCP-04", title = "seq(i) = seq + i·MSS mod 2^32")
    public void required_gsoTcp04_sequenceNumbers(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        eachSegment("GSO-TCP-04", o, "seq(i) = seq of the template + i·MSS, mod 2^32", (i, n, e, a) -> differs(e, a, "tcp.seq"));
    }

    // ---------------------------------------------------------------- GSO-TCP-05

    /** What GSO-TCP-05 leaves to others: lengths, IDs, checksums, seq, and the payload; FIN/PSH/CWR are masked below. */
    private static final Set<String> NOT_FROM_THE_TEMPLATE = Set.of("ip.len", "ipv6.plen", "ip.id", "ip.checksum", "tcp.checksum",
            "tcp.seq", "tcp.flags", "payload", "eth.padding");

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-TCP-05", title = "Headers are the template's but lengths, IDs, checksums, seq and FIN/PSH/CWR; options unchanged")
    public void required_gsoTcp05_headersFromTheTemplate(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        eachSegment("GSO-TCP-05", o, "every segment carries the template's headers, IPv4 options, IPv6 extension headers and TCP options"
                        + " (timestamps too) unchanged; only lengths, IPv4 IDs, checksums, seq, FIN, PSH and CWR differ",
                (i, n, e, a) -> {
                    String header = differs(e, a, f -> !NOT_FROM_THE_TEMPLATE.contains(f.key()));
                    return header != null ? header : flagBits(e, a, ~(FIN_PSH | TcpFlags.CWR) & 0xFF);
                });
    }

    // ---------------------------------------------------------------- GSO-TCP-06

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-TCP-06", title = "FIN and PSH only on the last segment")
    public void required_gsoTcp06_finAndPshOnlyOnLastSegment(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        eachSegment("GSO-TCP-06", o, "FIN and PSH, if the template has them, only on the last segment",
                (i, n, e, a) -> flagBits(e, a, FIN_PSH));
    }

    // ---------------------------------------------------------------- GSO-TCP-07

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-TCP-07", title = "CWR on the first segment only (on the last as well: allowed, discouraged)")
    public void required_gsoTcp07_cwrOnlyOnFirstSegment(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        String rule = "CWR, if the template has it, on the first segment and on no other; on the last as well is allowed but discouraged"
                + " (spec 2.3 item 4)";
        int[] cwrOnLast = {0};
        eachSegment("GSO-TCP-07", o, rule, (i, n, e, a) -> {
            String problem = flagBits(e, a, TcpFlags.CWR);
            boolean cwrAsWellOnTheLast = i == n - 1 && i > 0 && (a.frame()[a.layout().layer4Offset() + 13] & TcpFlags.CWR) != 0;
            if (problem != null && cwrAsWellOnTheLast) {
                cwrOnLast[0]++;
                return null;
            }
            return problem;
        });
        if (cwrOnLast[0] > 0) {
            Evidence.text("accepted", o.vector() + ": CWR on the last segment as well is allowed but discouraged (spec 2.3 item 4)");
        }
    }

    // ---------------------------------------------------------------- GSO-TCP-08

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-TCP-08", title = "IPv4 Total Length / IPv6 Payload Length per segment")
    public void required_gsoTcp08_ipLengthsPerSegment(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        eachSegment("GSO-TCP-08", o, "IPv4 Total Length = IHL·4 + TCP header + the segment's payload; IPv6 Payload Length ="
                + " extension headers + TCP header + the segment's payload", (i, n, e, a) -> differs(e, a, "ip.len", "ipv6.plen"));
    }

    // ---------------------------------------------------------------- GSO-TCP-09

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-TCP-09", title = "Every segment's IPv4 header and TCP checksums verify")
    public void required_gsoTcp09_checksumsVerify(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        eachSegment("GSO-TCP-09", o, "each segment's checksums are its own: the IPv4 header's over the header, the TCP checksum over the"
                + " pseudo-header with the segment's TCP length, its header and its payload", GsoJudge::checksums);
    }

    // ---------------------------------------------------------------- GSO-TCP-10

    @DataProvider
    public Iterator<Object[]> ipv4SegmentedInHardware() {
        return sends(v -> segmented(v) && v.layout().isIPv4(), "no IPv4 LSO send of the corpus reaches the DUT's hardware within its limits");
    }

    @Test(dataProvider = "ipv4SegmentedInHardware")
    @Requirement(value = "GSO-TCP-10", title = "LSOv2 IPv4 IDs: template + i, 0x7FFF wraps to 0x0000")
    public void required_gsoTcp10_ipv4Ids(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        boolean lsoV1 = o.vector().send().flavor() == Flavor.LSO_V1;
        List<byte[]> actual = segmentsSent("GSO-TCP-10", o);
        if (lsoV1 && followsTheLsoV2Rule(o, actual)) {
            Evidence.text("accepted", o.vector() + ": the IDs wrap 0x7FFF to 0x0000 as LSOv2's do. [GAP] The spec gives LSOv1 no ID rule;"
                    + " the kit accepts either wrap, as long as the IDs run on by 1 from the template's");
            return;
        }
        eachSegment("GSO-TCP-10", o, lsoV1
                ? "[GAP] the spec gives LSOv1 no ID rule; the kit asks for the template's ID + i and accepts a wrap at 0xFFFF or, as LSOv2, at 0x7FFF"
                : "LSOv2: segment i carries the template's ID + i, 0x7FFF wrapping to 0x0000 (spec 2.3 item 6)",
                (i, n, e, a) -> differs(e, a, "ip.id"));
    }

    private static boolean followsTheLsoV2Rule(GsoObservation o, List<byte[]> actual) {
        int l3 = o.vector().layout().layer3Offset();
        int first = Bytes.u16(o.vector().frame(), l3 + 4);
        for (int i = 0; i < actual.size(); i++) {
            if (actual.get(i).length < l3 + 6 || Bytes.u16(actual.get(i), l3 + 4) != GsoSegmenter.ipv4Id(Flavor.LSO_V2, first, i)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- GSO-TCP-11

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-TCP-11", title = "LSOv2 takes the length from the buffer (Total Length 0), LSOv1 from the IPv4 Total Length")
    public void required_gsoTcp11_lengthSource(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        GsoVector v = o.vector();
        long sent = GsoJudge.userBytes("GSO-TCP-11", o, segmentsSent("GSO-TCP-11", o));
        if (sent != v.payloadLength()) {
            String source = v.send().flavor() == Flavor.LSO_V1 ? "an LSOv1 template's IPv4 Total Length holds the send's full length"
                    : v.layout().isIPv4() ? "an LSOv2 template's IPv4 Total Length is 0; the length is the buffer's"
                    : "[GAP] the kit's stack leaves an LSOv2 template's IPv6 Payload Length 0; the length is the buffer's";
            throw failure("GSO-TCP-11", o, -1, "the segments carry " + sent + " user bytes, the send " + v.payloadLength() + ": " + source
                    + " (spec 2.2)");
        }
    }

    // ---------------------------------------------------------------- GSO-TCP-12

    @Test(dataProvider = "segmentedInHardware")
    @Requirement(value = "GSO-TCP-12", title = "Completion: LSOv1 TcpPayload = the user bytes sent; LSOv2 Reserved 0, Type 1")
    public void required_gsoTcp12_completionInformation(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        long sent = GsoJudge.userBytes("GSO-TCP-12", o, segmentsSent("GSO-TCP-12", o));
        LsoCompletion completion = o.transmission().lsoCompletion().orElseThrow();
        if (o.vector().send().flavor() == Flavor.LSO_V1) {
            if (completion.type() != LsoCompletion.V1_TYPE || completion.tcpPayload() != sent) {
                throw failure("GSO-TCP-12", o, -1, completion + " (NetAdapterCx writes the buffer's user bytes on completion, spec 2.1),"
                        + " but the DUT put " + sent + " user bytes on the wire: TcpPayload must be the user bytes sent");
            }
        } else if (!completion.equals(LsoCompletion.v2())) {
            throw failure("GSO-TCP-12", o, -1, "the send completed with " + completion + ": LSOv2 completes with Reserved 0 and Type 1");
        }
    }

    // ---------------------------------------------------------------- GSO-TCP-13

    @DataProvider
    public Object[][] lsoFields() {
        return new Object[][] {{SwitchField.LSO_V1}, {SwitchField.LSO_V2_IPV4}, {SwitchField.LSO_V2_IPV6}};
    }

    @Test(dataProvider = "lsoFields")
    @Requirement(value = "GSO-TCP-13", title = "Large sends after LSO is switched off are dropped; after it is back, segmented")
    public void required_gsoTcp13_droppedOnceSwitchedOff(SwitchField field) {
        GsoJudge.judgeSwitchingOff("GSO-TCP-13", field, corpus().lso(), Layer4Flag.TCP_NO_OPTIONS, field != SwitchField.LSO_V2_IPV6);
    }

    // ---------------------------------------------------------------- GSO-TCP-14

    @DataProvider
    public Iterator<Object[]> beyondTheDutsLimits() {
        return sends(v -> refusedFor(v, Reason.OVER_MAXIMUM_OFFLOAD_SIZE, Reason.MSS_TOO_LARGE),
                "no LSO send of the corpus is beyond the DUT's MaximumOffloadSize (" + maximumOffloadSize() + ")");
    }

    @Test(dataProvider = "beyondTheDutsLimits")
    @Requirement(value = "GSO-TCP-14", title = "Sends beyond MaximumOffloadSize are failed, never a crash; LSOv1 MaxOffLoadSize ≤ 64 KiB")
    public void required_gsoTcp14_oversizeSendsFailed(Case<GsoVector> vector) {
        GsoJudge.mustFail("GSO-TCP-14", observe(vector.get()), "is beyond what the DUT advertised");
    }

    @Test
    @Requirement(value = "GSO-TCP-14", title = "Sends beyond MaximumOffloadSize are failed, never a crash; LSOv1 MaxOffLoadSize ≤ 64 KiB")
    public void required_gsoTcp14_lsoV1MaxOffLoadSizeWithin64KiB() {
        String missing = GsoJudge.notAdvertised(Layer4Flag.TCP_NO_OPTIONS);
        GsoCapabilities gso = GsoJudge.host().advertisement().gso();
        if (missing != null || !gso.shapes().has(Layer3Flag.IPV4_NO_OPTIONS)) {
            throw new SkipException(missing != null ? missing : "the DUT advertises no LSO over IPv4, so NDIS has no LSOv1 to report");
        }
        if (gso.shapes().maximumOffloadSize() > 65536) {
            throw Verdict.failure("GSO-TCP-14", "MaximumOffloadSize " + gso.shapes().maximumOffloadSize()
                    + " becomes LSOv1's MaxOffLoadSize too (spec 5.5), which is at most 65536 (spec 2.5) [GAP: NetAdapterCx has one"
                    + " MaximumOffloadSize for LSOv1 and LSOv2 and the public 2100 source maps it unchanged]", () -> { });
        }
    }

    private static String maximumOffloadSize() {
        GsoCapabilities gso = GsoJudge.host().advertisement().gso();
        return gso == null ? "none advertised" : Long.toString(gso.shapes().maximumOffloadSize());
    }
}
