package org.offloadkit.conformance.rsc;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.offloadkit.conformance.Case;
import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.DutSession;
import org.offloadkit.conformance.Judgement;
import org.offloadkit.conformance.Verdict;
import org.offloadkit.conformance.rsc.RscJudge.Departure;
import org.offloadkit.conformance.rsc.RscJudge.Metadata;
import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RscCorpus;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.NdisRxChecksumFlags;
import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FlowLabel;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameDiff;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.ParseResult;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RxChecksumEvaluator;
import org.offloadkit.report.Evidence;
import org.offloadkit.report.Requirement;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.SwitchParameter;
import org.testng.SkipException;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * Receive segment coalescing, RSC-01..18: each case of the coalescing corpus is received once, its batches
 * back to back, and judged by every requirement that lists it, each against the reference coalescer under
 * the same active sets and each on its own aspect: the frames (checksum fields of units aside), the
 * metadata, the checksums, or the payload.
 */
@Epic("Receive segment coalescing")
public class RscConformance {

    private static volatile RscCorpus corpus;

    // ---------------------------------------------------------------- exceptions

    @Test(dataProvider = "rsc01")
    @Feature("Exceptions")
    @Requirement(value = "RSC-01", title = "A flag besides ACK and PSH: not coalesced, and it ends the unit")
    public void required_rsc01_otherFlagsEndTheUnit(Case<RscCase> c) {
        judgeFrames("RSC-01", c.get(), "a segment with a flag besides ACK and PSH (SYN, FIN, RST, URG) is indicated alone"
                + " and ends the unit before it (exception 3)");
    }

    @Test(dataProvider = "rsc02")
    @Feature("Exceptions")
    @Requirement(value = "RSC-02", title = "TCP options but timestamps, IPv4 options, IPv6 extension headers, fragments: never coalesced")
    public void required_rsc02_optionsExtensionsAndFragmentsAreNeverCoalesced(Case<RscCase> c) {
        judgeFrames("RSC-02", c.get(), "a segment with TCP options other than timestamps, IPv4 options or IPv6 extension"
                + " headers, and an IP fragment, are indicated alone (exceptions 4, 5, 6)");
    }

    @Test(dataProvider = "rsc03")
    @Feature("Exceptions")
    @Requirement(value = "RSC-03", title = "A bad IP or TCP checksum: never coalesced")
    public void required_rsc03_badChecksumsAreNeverCoalesced(Case<RscCase> c) {
        judgeFrames("RSC-03", c.get(), "a segment whose IPv4 header or TCP checksum fails is indicated alone, as it"
                + " arrived (exception 2)");
    }

    @Test(dataProvider = "rsc08")
    @Feature("Exceptions")
    @Requirement(value = "RSC-08", title = "An ECN change ends the unit; the changed segment starts the next")
    public void required_rsc08_ecnChangeStartsTheNextUnit(Case<RscCase> c) {
        judgeFrames("RSC-08", c.get(), "a segment whose IP ECN field or TCP ECE/CWR differs from the previous one ends"
                + " the unit and starts the next (exception 8)");
    }

    @Test(dataProvider = "rsc09")
    @Feature("Exceptions")
    @Requirement(value = "RSC-09", title = "A unit stays within 65535 bytes; the overflowing segment starts the next")
    public void required_rsc09_unitsStayWithinTheLargestDatagram(Case<RscCase> c) {
        judgeFrames("RSC-09", c.get(), "a unit's IPv4 Total Length or IPv6 Payload Length stays within 65535; the"
                + " segment that would overflow it starts the next unit (exception 7)");
    }

    // ---------------------------------------------------------------- the flowcharts

    @Test(dataProvider = "rsc04")
    @Feature("Coalescing rules")
    @Requirement(value = "RSC-04", title = "Data is appended only in sequence, with no duplicate ACKs, to a unit with data")
    public void required_rsc04_dataAppendsOnlyInSequence(Case<RscCase> c) {
        judgeFrames("RSC-04", c.get(), "a data segment is appended only when SEG.SEQ == H.NXT, H.DupAckCount == 0 and"
                + " H.LEN > 0; otherwise it starts a new unit");
    }

    @Test(dataProvider = "rsc05")
    @Feature("Coalescing rules")
    @Requirement(value = "RSC-05", title = "The unit carries the last ACK and window; window updates do not count")
    public void required_rsc05_lastAckAndWindow(Case<RscCase> c) {
        String rule = "the unit carries the last segment's ACK and window; a window update changes the window but not"
                + " CoalescedSegmentCount";
        RscJudge judge = judge(c.get());
        report("RSC-05", c.get(), judge, judge.frames(), rule);
        report("RSC-05", c.get(), judge, judge.metadata(EnumSet.of(Metadata.COUNT)), rule);
    }

    @Test(dataProvider = "rsc06")
    @Feature("Coalescing rules")
    @Requirement(value = "RSC-06", title = "Pure ACKs that are neither window updates nor duplicates: indicated individually")
    public void required_rsc06_otherPureAcksAreIndicatedIndividually(Case<RscCase> c) {
        judgeFrames("RSC-06", c.get(), "a pure ACK that is neither a window update nor a duplicate ACK is not coalesced");
    }

    @Test(dataProvider = "rsc07")
    @Feature("Finalization")
    @Requirement(value = "RSC-07", title = "The unit's PSH is the OR of its segments'")
    public void required_rsc07_pshIsOredIntoTheUnit(Case<RscCase> c) {
        judgeFrames("RSC-07", c.get(), "PSH is ORed: set in the unit when any of its segments had it");
    }

    @Test(dataProvider = "rsc10")
    @Feature("Finalization")
    @Requirement(value = "RSC-10", title = "IPv4 unit: IHL 5, first ID, minimum TTL, consistent DF, MF clear, Total Length")
    public void required_rsc10_ipv4HeaderOfTheUnit(Case<RscCase> c) {
        judgeFrames("RSC-10", c.get(), "an IPv4 unit has IHL 5, the first segment's ID, the minimum TTL, DF as all its"
                + " segments had it, MF clear and its own Total Length");
    }

    @Test(dataProvider = "rsc11")
    @Feature("Finalization")
    @Requirement(value = "RSC-11", title = "IPv6 unit: minimum Hop Limit, Payload Length, Next Header 6")
    public void required_rsc11_ipv6HeaderOfTheUnit(Case<RscCase> c) {
        judgeFrames("RSC-11", c.get(), "an IPv6 unit has the minimum Hop Limit, its own Payload Length and Next Header 6");
    }

    @Test(dataProvider = "rsc12")
    @Feature("Coalescing rules")
    @Requirement(value = "RSC-12", title = "Only matching Version, DS/Traffic Class, Flow Label, addresses and ports coalesce")
    public void required_rsc12_onlyMatchingSegmentsCoalesce(Case<RscCase> c) {
        judgeFrames("RSC-12", c.get(), "only segments with the same Version, DSCP or Traffic Class, Flow Label, addresses"
                + " and ports coalesce");
    }

    @Test(dataProvider = "rsc13")
    @Feature("Finalization")
    @Requirement(value = "RSC-13", title = "Unit checksums verify or ValueInvalid is set; Succeeded is always set")
    public void required_rsc13_checksumsOfTheUnit(Case<RscCase> c) {
        RscCase rscCase = c.get();
        List<List<RxIndication>> batches = observe(rscCase);
        List<byte[]> received = rscCase.frames();
        for (List<RxIndication> batch : batches) {
            for (int i = 0; i < batch.size(); i++) {
                RxIndication unit = batch.get(i);
                String problem = checksumProblem(unit, received.stream().anyMatch(f -> Arrays.equals(f, unit.frame())));
                if (problem != null) {
                    throw Verdict.failure("RSC-13", rscCase + ": indication " + (i + 1) + " of " + batch.size() + " (flow "
                            + FlowLabel.of(unit.frame()) + "): " + problem, () -> attachCase(rscCase, judge(rscCase), null));
                }
            }
        }
    }

    @Test(dataProvider = "rsc14")
    @Feature("Metadata")
    @Requirement(value = "RSC-14", title = "CoalescedSegmentCount counts data segments; 0 with no DupAckCount or delta when not coalesced")
    public void required_rsc14_coalescedSegmentCount(Case<RscCase> c) {
        RscCase rscCase = c.get();
        RscJudge judge = judge(rscCase);
        for (RxIndication i : judge.actualIndications()) {
            if (!i.rsc().coalesced() && i.rsc().tcpTimestampDelta() != 0) {
                throw Verdict.failure("RSC-14", rscCase + ": an indication with CoalescedSegmentCount 0 (flow " + FlowLabel.of(i.frame())
                        + ") carries RscTcpTimestampDelta " + i.rsc().tcpTimestampDelta() + "; the delta is 0 when nothing was"
                        + " coalesced", () -> attachCase(rscCase, judge, null));
            }
        }
        report("RSC-14", rscCase, judge, judge.metadata(EnumSet.of(Metadata.COUNT, Metadata.DUPLICATE_ACKS)),
                "CoalescedSegmentCount counts the data segments of a unit, 0 for a frame indicated as it arrived;"
                        + " DuplicateAckCount as the flowchart counts (a unit of pure ACKs reports it with count 0, which NDIS"
                        + " would not read [GAP])");
    }

    @Test(dataProvider = "rsc15")
    @Feature("Timestamps")
    @Requirement(value = "RSC-15", title = "A TSval regression ends the unit; latest TSval/TSecr; delta = latest - earliest")
    public void required_rsc15_timestamps(Case<RscCase> c) {
        RscCase rscCase = c.get();
        if (!host().activeRsc().isTcpTimestampOptionEnabled()) {
            throw new SkipException("the active set leaves TCP timestamp coalescing out (NetOffloadIsRscTcpTimestampOptionEnabled"
                    + " is false): segments with timestamps are exception 4, judged by the other requirements");
        }
        String rule = "a segment whose TSval is older than the unit's (modulo 2^32) starts the next unit; the unit carries"
                + " the latest TSval and TSecr, and RscTcpTimestampDelta = latest - earliest TSval";
        RscJudge judge = judge(rscCase);
        report("RSC-15", rscCase, judge, judge.frames(), rule);
        report("RSC-15", rscCase, judge, judge.metadata(EnumSet.of(Metadata.TIMESTAMP_DELTA)), rule);
    }

    @Test(dataProvider = "rsc16")
    @Feature("Coalescing rules")
    @Requirement(value = "RSC-16", title = "Nothing coalesces across receive batches; order within a flow is kept")
    public void required_rsc16_noCoalescingAcrossBatches(Case<RscCase> c) {
        judgeFrames("RSC-16", c.get(), "each batch is indicated on its own: nothing waits for the next batch (DPC), and a"
                + " connection's segments keep their order");
    }

    @Test(dataProvider = "rsc17")
    @Feature("Switching")
    @Requirement(value = "RSC-17", title = "No coalesced indications while RSC is disabled")
    public void required_rsc17_nothingCoalescesWhileDisabled(Case<RscCase> c) {
        RscCase rscCase = c.get();
        requireActive(rscCase);
        AdapterHost host = host();
        Set<SwitchField> on = EnumSet.noneOf(SwitchField.class);
        if (host.activeRsc().isTcpRscIPv4Enabled()) {
            on.add(SwitchField.RSC_IPV4);
        }
        if (host.activeRsc().isTcpRscIPv6Enabled()) {
            on.add(SwitchField.RSC_IPV6);
        }
        ConformanceRun.session().request(OffloadParameters.switches(SwitchParameter.DISABLED, on.toArray(SwitchField[]::new)));
        try {
            RxBatches disabled = awaitDatapath(rscCase, batches -> !anyCoalesced(batches), "stop coalescing");
            for (List<RxIndication> batch : disabled.batches) {
                for (RxIndication i : batch) {
                    if (i.rsc().coalesced() || rscCase.frames().stream().noneMatch(f -> Arrays.equals(f, i.frame()))) {
                        throw Verdict.failure("RSC-17", rscCase + ": with RscIPv4 and RscIPv6 disabled, the DUT indicated "
                                + i + " (flow " + FlowLabel.of(i.frame()) + "); expected every frame as it arrived",
                                () -> Evidence.frames("input", rscCase.frames()));
                    }
                }
            }
        } finally {
            ConformanceRun.session().request(OffloadParameters.switches(SwitchParameter.ENABLED, on.toArray(SwitchField[]::new)));
            awaitDatapath(rscCase, RscConformance::anyCoalesced, "coalesce again");
        }
    }

    @Test(dataProvider = "rsc18")
    @Feature("Coalescing rules")
    @Requirement(value = "RSC-18", title = "Un-coalescing gives back the original payload bytes")
    public void required_rsc18_payloadIsKept(Case<RscCase> c) {
        RscCase rscCase = c.get();
        List<List<RxIndication>> batches = observe(rscCase);
        Map<String, byte[]> sent = RscJudge.payloadByFlow(rscCase.frames());
        Map<String, byte[]> indicated = RscJudge.payloadByFlow(batches.stream().flatMap(List::stream).map(RxIndication::frame).toList());
        for (Map.Entry<String, byte[]> flow : sent.entrySet()) {
            byte[] got = indicated.getOrDefault(flow.getKey(), new byte[0]);
            int at = Arrays.mismatch(flow.getValue(), got);
            if (at >= 0) {
                String what = at >= got.length ? "ends after " + got.length + " payload bytes, expected " + flow.getValue().length
                        : at >= flow.getValue().length ? "has " + got.length + " payload bytes, expected " + flow.getValue().length
                        : String.format("payload byte %d is 0x%02x, expected 0x%02x", at, got[at], flow.getValue()[at]);
                throw Verdict.failure("RSC-18", rscCase + ": flow " + flow.getKey() + " " + what + ": the payloads of the"
                        + " indications, in order, must be the payloads received", () -> attachCase(rscCase, judge(rscCase), null));
            }
        }
    }

    // ---------------------------------------------------------------- data providers

    @DataProvider public Iterator<Object[]> rsc01() { return cases("RSC-01"); }
    @DataProvider public Iterator<Object[]> rsc02() { return cases("RSC-02"); }
    @DataProvider public Iterator<Object[]> rsc03() { return cases("RSC-03"); }
    @DataProvider public Iterator<Object[]> rsc04() { return cases("RSC-04"); }
    @DataProvider public Iterator<Object[]> rsc05() { return cases("RSC-05"); }
    @DataProvider public Iterator<Object[]> rsc06() { return cases("RSC-06"); }
    @DataProvider public Iterator<Object[]> rsc07() { return cases("RSC-07"); }
    @DataProvider public Iterator<Object[]> rsc08() { return cases("RSC-08"); }
    @DataProvider public Iterator<Object[]> rsc09() { return cases("RSC-09"); }
    @DataProvider public Iterator<Object[]> rsc10() { return cases("RSC-10"); }
    @DataProvider public Iterator<Object[]> rsc11() { return cases("RSC-11"); }
    @DataProvider public Iterator<Object[]> rsc12() { return cases("RSC-12"); }
    @DataProvider public Iterator<Object[]> rsc13() { return cases("RSC-13"); }
    @DataProvider public Iterator<Object[]> rsc14() { return cases("RSC-14"); }
    @DataProvider public Iterator<Object[]> rsc15() { return cases("RSC-15"); }
    @DataProvider public Iterator<Object[]> rsc16() { return cases("RSC-16"); }
    @DataProvider public Iterator<Object[]> rsc17() { return cases("RSC-17"); }
    @DataProvider public Iterator<Object[]> rsc18() { return cases("RSC-18"); }

    /**
     * The requirements replay judges a capture's segments by: the flowchart's units (RSC-04, every indication
     * beside the reference coalescer's), the units' checksums (RSC-13), metadata (RSC-14), timestamps (RSC-15)
     * and payload (RSC-18). The others are about an idea a corpus case was built to show; in a capture a
     * difference they would see is the same difference RSC-04 reports, with the field named.
     */
    public static final List<String> REPLAY_REQUIREMENTS = List.of("RSC-04", "RSC-13", "RSC-14", "RSC-15", "RSC-18");

    /** The tests that judge a case derived from a capture; skips when the DUT advertised no RSC. */
    public static List<Judgement<RscCase>> judgementsOf(RscCase c) {
        if (host().advertisement().rsc() == null) {
            throw new SkipException("the DUT did not advertise RSC capabilities");
        }
        return List.of(Judgement.of(RscConformance.class, "required_rsc04_dataAppendsOnlyInSequence"),
                Judgement.of(RscConformance.class, "required_rsc13_checksumsOfTheUnit"),
                Judgement.of(RscConformance.class, "required_rsc14_coalescedSegmentCount"),
                Judgement.of(RscConformance.class, "required_rsc15_timestamps"),
                Judgement.of(RscConformance.class, "required_rsc18_payloadIsKept"));
    }

    /** The corpus cases a requirement judges, or the reason there are none for this DUT. */
    private static Iterator<Object[]> cases(String requirement) {
        DutSession session = ConformanceRun.session();
        if (session.started() && session.host().advertisement().rsc() == null) {
            return List.<Object[]>of(new Object[] {Case.none("the DUT did not advertise RSC capabilities")}).iterator();
        }
        return corpus().cases().stream().filter(c -> c.judgedBy(requirement)).map(c -> new Object[] {Case.of(c)}).toList().iterator();
    }

    private static RscCorpus corpus() {
        if (corpus == null) {
            corpus = RscCorpus.load();
        }
        return corpus;
    }

    // ---------------------------------------------------------------- judging

    private static AdapterHost host() {
        return ConformanceRun.session().host();
    }

    /** The case as the DUT indicated it; skipped when the active set leaves out an IP version it carries. */
    private static List<List<RxIndication>> observe(RscCase rscCase) {
        requireActive(rscCase);
        return ConformanceRun.session().receive(rscCase).indications();
    }

    private static void requireActive(RscCase rscCase) {
        RscOffload active = host().activeRsc();
        for (boolean ipv4 : new boolean[] {true, false}) {
            boolean enabled = ipv4 ? active.isTcpRscIPv4Enabled() : active.isTcpRscIPv6Enabled();
            if (rscCase.carriesTcpOver(ipv4) && !enabled) {
                throw new SkipException(rscCase + " carries TCP over " + (ipv4 ? "IPv4" : "IPv6") + ", which the active set"
                        + " does not coalesce (" + active + ")");
            }
        }
    }

    private static RscJudge judge(RscCase rscCase) {
        return new RscJudge(rscCase, observe(rscCase), RscSettings.ndis(host().activeRsc(), host().activeRxChecksum()));
    }

    private static void judgeFrames(String requirement, RscCase rscCase, String rule) {
        RscJudge judge = judge(rscCase);
        report(requirement, rscCase, judge, judge.frames(), rule);
    }

    private static void report(String requirement, RscCase rscCase, RscJudge judge, Optional<Departure> departure, String rule) {
        departure.ifPresent(d -> {
            throw Verdict.failure(requirement, rscCase + ": " + d.where() + ": " + d.what() + ": " + rule,
                    () -> attachCase(rscCase, judge, d));
        });
    }

    /** Input, expected and actual indications as pcaps, the case and its first difference, and every unit's metadata. */
    private static void attachCase(RscCase rscCase, RscJudge judge, Departure d) {
        Evidence.frames("input", rscCase.frames());
        Evidence.frames("expected", judge.expectedIndications().stream().map(RxIndication::frame).toList());
        Evidence.frames("actual", judge.actualIndications().stream().map(RxIndication::frame).toList());
        StringBuilder text = new StringBuilder(rscCase + ": " + rscCase.idea() + "\n");
        text.append(rscCase.batches().size()).append(" batch(es) of ").append(rscCase.batches().stream().map(List::size).toList())
                .append(" frames; the units the NDIS rules make, by frame: ").append(rscCase.intended()).append("\n\n");
        if (d != null) {
            text.append("first difference: ").append(d.where()).append(": ").append(d.what()).append('\n');
            if (!d.masked().isEmpty()) {
                text.append("not judged here: ").append(Verdict.fieldList(d.masked()))
                        .append(" (a unit's checksums are RSC-13's to judge; under ValueInvalid they are free)\n");
            }
            text.append('\n').append(FrameDiff.table(d.expectedFrame(), d.actualFrame()));
        }
        Evidence.text("diff", text.toString());
        Evidence.text("metadata", "expected\n" + describe(judge.expectedIndications()) + "\nactual\n"
                + describe(judge.actualIndications()));
    }

    private static String describe(List<RxIndication> indications) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < indications.size(); i++) {
            RxIndication x = indications.get(i);
            s.append(String.format("  %2d  %-48s %5d bytes  %-40s %s  NDIS %s%n", i + 1, FlowLabel.of(x.frame()), x.frame().length,
                    x.rsc(), x.checksum(), NdisRxChecksumFlags.of(x)));
        }
        return s.toString();
    }

    /**
     * What is wrong with an indication's checksums, judged on what the DUT itself claims: a coalesced unit has
     * IpChecksumSucceeded and TcpChecksumSucceeded and checksums that verify unless it says ValueInvalid; a
     * frame indicated as it arrived is evaluated as the Rx checksum rules say; ValueInvalid is for rebuilt units.
     */
    private static String checksumProblem(RxIndication unit, boolean asReceived) {
        ParseResult parsed = FrameParser.parse(unit.frame());
        if (!(parsed instanceof FrameLayout layout)) {
            return asReceived ? null : "the indicated frame does not parse: " + parsed;
        }
        RxChecksum checksum = unit.checksum();
        if (checksum.valuesInvalid() && asReceived) {
            return "TcpChecksumValueInvalid and IpChecksumValueInvalid on a frame indicated exactly as it arrived; they are for"
                    + " a unit whose checksums were not recomputed";
        }
        if (!unit.rsc().coalesced()) {
            RxChecksum expected = RxChecksumEvaluator.evaluate(unit.frame(), layout, host().activeRxChecksum());
            boolean same = checksum.layer3() == expected.layer3() && checksum.layer4() == expected.layer4();
            return same || checksum.valuesInvalid() && !asReceived ? null
                    : "checksum evaluation " + checksum + ", expected " + expected + " for a frame that was not coalesced";
        }
        if (checksum.layer4() != RxChecksumEvaluation.VALID || layout.isIPv4() && checksum.layer3() != RxChecksumEvaluation.VALID) {
            return "checksum evaluation " + checksum + " on a coalesced unit (" + unit.rsc() + "); IpChecksumSucceeded and"
                    + " TcpChecksumSucceeded are always set on one (IPv6 has no header checksum: its layer 3 is not judged)";
        }
        if (checksum.valuesInvalid()) {
            return null; // the fields are free: the documentation lets the adapter leave or zero them
        }
        if (layout.isIPv4() && !FrameChecksums.ipv4HeaderVerifies(unit.frame(), layout)) {
            return String.format("IPv4 header checksum (ip.checksum) is 0x%04x, expected 0x%04x: a unit's checksums are recomputed,"
                    + " or IpChecksumValueInvalid and TcpChecksumValueInvalid are set", Bytes.u16(unit.frame(),
                    layout.ipv4ChecksumOffset()), FrameChecksums.ipv4HeaderChecksum(unit.frame(), layout));
        }
        if (!FrameChecksums.transportVerifies(unit.frame(), layout)) {
            return String.format("TCP checksum (tcp.checksum) is 0x%04x, expected 0x%04x: a unit's checksums are recomputed, or"
                    + " IpChecksumValueInvalid and TcpChecksumValueInvalid are set", Bytes.u16(unit.frame(),
                    layout.transportChecksumOffset()), FrameChecksums.transportChecksum(unit.frame(), layout));
        }
        return null;
    }

    // ---------------------------------------------------------------- switching

    private record RxBatches(List<List<RxIndication>> batches) {}

    private static boolean anyCoalesced(RxBatches received) {
        return received.batches.stream().flatMap(List::stream).anyMatch(i -> i.rsc().coalesced());
    }

    /** After its callback returned, the DUT's receive path must follow; awaited by receiving the case again. */
    private static RxBatches awaitDatapath(RscCase rscCase, Predicate<RxBatches> followed, String what) {
        DutSession session = ConformanceRun.session();
        Duration timeout = session.host().timeout();
        RxBatches[] last = {null};
        try {
            Awaitility.await("the DUT's receive path to " + what)
                    .atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).pollInSameThread()
                    .until(() -> {
                        last[0] = new RxBatches(session.receiveNow(rscCase).indications());
                        return followed.test(last[0]);
                    });
            return last[0];
        } catch (ConditionTimeoutException e) {
            throw Verdict.failure("RSC-17", rscCase + ": after the framework called the DUT back with "
                    + session.host().activeRsc() + ", its receive path did not " + what + " within " + timeout.toMillis() + " ms",
                    () -> Evidence.frames("input", rscCase.frames()));
        }
    }
}
