package org.offloadkit.conformance.gso;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.offloadkit.conformance.Case;
import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.DutSession;
import org.offloadkit.conformance.GsoObservation;
import org.offloadkit.conformance.Judgement;
import org.offloadkit.conformance.Verdict;
import org.offloadkit.corpus.GsoCorpus;
import org.offloadkit.corpus.GsoVector;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.Field;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameDiff;
import org.offloadkit.packet.FrameFields;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.ParseResult;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.reference.Segmentation.Reason;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.GsoTarget;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.SwitchParameter;
import org.offloadkit.spec.TxResult;
import org.testng.SkipException;

/**
 * What the segmentation suites share: the corpus, which sends reach the DUT's hardware, and how a segment
 * on the wire is judged beside the reference's and a failure names the segment and the field.
 */
final class GsoJudge {
    private GsoJudge() {}

    /** A segment with its layout. */
    record Segment(byte[] frame, FrameLayout layout) {}

    /** One requirement's look at one segment beside the reference's: what is wrong, or null. */
    @FunctionalInterface
    interface SegmentCheck {
        String problem(int index, int count, Segment expected, Segment actual);
    }

    private static final class CorpusHolder {
        static final GsoCorpus CORPUS = GsoCorpus.load();
    }

    static GsoCorpus corpus() {
        return CorpusHolder.CORPUS;
    }

    static DutSession session() {
        return ConformanceRun.session();
    }

    static AdapterHost host() {
        return session().host();
    }

    static GsoObservation observe(GsoVector v) {
        return session().transmit(v);
    }

    // ---------------------------------------------------------------- which sends

    /** The target a send falls under; the stack sends only what is switched on. */
    static GsoTarget target(GsoVector v) {
        return GsoTarget.of(v.send().flavor().isLso(), v.layout().isIPv4());
    }

    static boolean switchedOn(GsoVector v) {
        return host().gsoSwitches().contains(target(v));
    }

    /** Sends the stack makes now and the framework hands to the DUT's hardware whole. */
    static boolean inHardware(GsoVector v) {
        return switchedOn(v) && !host().gsoRoute(v.layout(), v.send()).software();
    }

    /** Sends the stack makes now and the framework segments itself. */
    static boolean inSoftware(GsoVector v) {
        return switchedOn(v) && host().gsoRoute(v.layout(), v.send()).software();
    }

    /** Sends the reference segments (within the DUT's limits where it goes to the DUT's hardware). */
    static boolean segmented(GsoVector v) {
        return session().expected(v) instanceof Segmentation.Segments;
    }

    static boolean refusedFor(GsoVector v, Reason... reasons) {
        return session().expected(v) instanceof Segmentation.Refused r && Arrays.asList(reasons).contains(r.reason());
    }

    /**
     * Rows of a data provider: the sends of {@code vectors} that apply, or one row with the reason there is
     * none: the DUT advertises no segmentation of this kind ({@code needed}), or no send applies.
     */
    static Iterator<Object[]> cases(List<GsoVector> vectors, Layer4Flag needed, Predicate<GsoVector> applies, String noneReason) {
        if (session().started()) {
            String missing = notAdvertised(needed);
            if (missing != null) {
                return List.<Object[]>of(new Object[] {Case.none(missing)}).iterator();
            }
        }
        List<Object[]> rows = vectors.stream().filter(applies).map(v -> new Object[] {Case.of(v)}).toList();
        return rows.isEmpty() ? List.<Object[]>of(new Object[] {Case.none(noneReason)}).iterator() : rows.iterator();
    }

    /**
     * The tests that judge a large send derived from a capture, chosen as the data providers choose the corpus's
     * sends: the suite's own where the DUT's hardware gets the send, the fallback's where the framework segments
     * it. Skips with the reason when the DUT advertises no segmentation of the kind or the stack has it off.
     *
     * @param tests the suite's tests: count (GSO-xx-01, which also judges a send the DUT must refuse for
     *              {@code refusal}), then those of segmented sends, then those of IPv4 ones only, then those of every send
     */
    static List<Judgement<GsoVector>> judgementsOf(GsoVector v, Layer4Flag needed, Reason refusal, Class<?> suite, String count,
                                                   List<String> segmentedTests, List<String> ipv4Tests, List<String> everySend) {
        String missing = notAdvertised(needed);
        if (missing != null) {
            throw new SkipException(missing);
        }
        if (!switchedOn(v)) {
            throw new SkipException(target(v) + " is switched off in the active set: the stack makes no such send");
        }
        List<Judgement<GsoVector>> judgements = new ArrayList<>();
        if (inSoftware(v)) {
            for (String test : List.of("required_gsoFb01_softwareSegmentation", "required_gsoFb02_segmentsGetChecksums",
                    "required_gsoFb03_sameAsTheReference")) {
                judgements.add(Judgement.of(GsoFallbackConformance.class, test));
            }
            return judgements;
        }
        if (segmented(v) || refusedFor(v, refusal)) {
            judgements.add(Judgement.of(suite, count));
        }
        if (segmented(v)) {
            segmentedTests.forEach(test -> judgements.add(Judgement.of(suite, test)));
            if (v.layout().isIPv4()) {
                ipv4Tests.forEach(test -> judgements.add(Judgement.of(suite, test)));
            }
        }
        everySend.forEach(test -> judgements.add(Judgement.of(suite, test)));
        return judgements;
    }

    /** Why the DUT's hardware segments nothing of this kind, or null when it advertises it. */
    static String notAdvertised(Layer4Flag needed) {
        GsoCapabilities gso = host().advertisement().gso();
        if (gso != null && gso.shapes().has(needed)) {
            return null;
        }
        return "the DUT advertises no " + (needed == Layer4Flag.UDP ? "USO" : "LSO") + " (" + (gso == null ? "no GSO capabilities" : gso)
                + "): its sends are the framework's software segmentation, judged by GSO-FB-01..03";
    }

    // ---------------------------------------------------------------- judging

    /** The frames of a send the DUT had to segment; a failure when it did not complete it as sent. */
    static List<byte[]> segmentsSent(String requirement, GsoObservation o) {
        TxResult result = o.completion();
        if (!result.success()) {
            throw failure(requirement, o, -1, "the DUT failed the send ('" + result.failure() + "') after " + result.frames().size()
                    + " frame(s); it is within what the DUT advertised and the reference makes " + o.expectedFrames().size() + " segments of it");
        }
        return result.frames();
    }

    /**
     * Judges each segment on the wire beside the reference's, in order; the first problem fails the
     * requirement, naming the segment: "segment 3 of 5: TCP flags (tcp.flags, offset 47) is ..., expected ...: rule".
     */
    static void eachSegment(String requirement, GsoObservation o, String rule, SegmentCheck check) {
        List<byte[]> expected = o.expectedFrames();
        List<byte[]> actual = segmentsSent(requirement, o);
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            Segment a = segment(requirement, o, actual, i);
            String problem = check.problem(i, actual.size(), new Segment(expected.get(i), FrameParser.parse(expected.get(i)).layout()), a);
            if (problem != null) {
                throw failure(requirement, o, i, "segment " + (i + 1) + " of " + actual.size() + ": " + problem + ": " + rule);
            }
        }
    }

    /** The actual frame {@code i} with its layout; a failure naming it when it does not parse. */
    static Segment segment(String requirement, GsoObservation o, List<byte[]> actual, int i) {
        ParseResult parsed = FrameParser.parse(actual.get(i));
        if (parsed instanceof FrameLayout layout) {
            return new Segment(actual.get(i), layout);
        }
        throw failure(requirement, o, i, "segment " + (i + 1) + " of " + actual.size() + " does not parse: " + parsed);
    }

    /** The first of the fields {@code judged} takes that differs, as "label (key, offset n) is x, expected y"; null when none. */
    static String differs(Segment expected, Segment actual, Predicate<Field> judged) {
        return FrameDiff.firstField(expected.frame(), actual.frame(), judged).map(FrameDiff.Difference::toString).orElse(null);
    }

    static String differs(Segment expected, Segment actual, String... keys) {
        Set<String> judged = Set.of(keys);
        return differs(expected, actual, f -> judged.contains(f.key()));
    }

    /** The TCP flags, when the bits of {@code mask} differ: the whole byte shown, as a person reads it. */
    static String flagBits(Segment expected, Segment actual, int mask) {
        int offset = expected.layout().layer4Offset() + 13;
        if (((expected.frame()[offset] ^ actual.frame()[offset]) & mask) == 0) {
            return null;
        }
        Field flags = FrameFields.decode(expected.frame()).stream().filter(f -> f.key().equals("tcp.flags")).findFirst().orElseThrow();
        return new FrameDiff.Difference(flags, flags.valueIn(expected.frame()), flags.valueIn(actual.frame())).toString();
    }

    /**
     * A send the DUT must fail (spec 2.3 item 8, 2.4 item 8): a completion with failure and no frame on the
     * wire; never a crash, which the kit reports as a DUT fault.
     */
    static void mustFail(String requirement, GsoObservation o, String why) {
        TxResult result = o.completion();
        if (result.success() || !result.frames().isEmpty()) {
            throw failure(requirement, o, -1, "the DUT completed it as '" + result + "'; it " + why + " (the reference: "
                    + o.expected() + "), so it must be failed before any frame leaves");
        }
    }

    /** As many segments on the wire as the reference makes: ceil(user bytes / MSS). */
    static void judgeCount(String requirement, GsoObservation o, String unit) {
        int expected = o.expectedFrames().size();
        List<byte[]> actual = segmentsSent(requirement, o);
        if (actual.size() != expected) {
            throw failure(requirement, o, -1, actual.size() + " " + unit + " on the wire, expected " + expected + " = ceil("
                    + o.vector().payloadLength() + " / " + o.vector().send().mss() + ")");
        }
    }

    /** MSS payload bytes in every segment but the last, which carries the rest. */
    static void judgePayloadSizes(String requirement, GsoObservation o, String unit) {
        eachSegment(requirement, o, "every " + unit + " but the last carries exactly MSS (" + o.vector().send().mss()
                        + ") payload bytes, the last the rest",
                (i, n, e, a) -> a.layout().payloadLength() == e.layout().payloadLength() ? null
                        : a.layout().payloadLength() + " payload bytes, expected " + e.layout().payloadLength());
    }

    /** The wire's payloads, in order, against the template's user bytes: the first byte that differs, or a length. */
    static void judgeUserBytes(String requirement, GsoObservation o) {
        List<byte[]> actual = segmentsSent(requirement, o);
        byte[] template = o.vector().frame();
        int start = o.vector().layout().payloadOffset();
        int total = o.vector().payloadLength();
        int at = 0;
        for (int i = 0; i < actual.size(); i++) {
            Segment s = GsoJudge.segment(requirement, o, actual, i);
            int length = s.layout().payloadLength();
            int mismatch = Arrays.mismatch(s.frame(), s.layout().payloadOffset(), s.layout().payloadOffset() + Math.min(length, total - at),
                    template, start + at, start + Math.min(at + length, total));
            if (mismatch >= 0) {
                int byteInSend = at + mismatch;
                throw failure(requirement, o, i, "segment " + (i + 1) + " of " + actual.size() + ": payload byte " + mismatch + " (user byte "
                        + byteInSend + " of the send) is " + (byteInSend < total && mismatch < length
                        ? String.format("0x%02x, expected 0x%02x", s.frame()[s.layout().payloadOffset() + mismatch], template[start + byteInSend])
                        : "one past the send's " + total + " user bytes")
                        + ": the segments carry the user bytes in order, each once");
            }
            at += length;
        }
        if (at != total) {
            throw failure(requirement, o, -1, "the segments carry " + at + " user bytes, the send " + total
                    + ": the segments carry the user bytes in order, each once");
        }
    }

    /** Sum of the user bytes the frames carry. */
    static long userBytes(String requirement, GsoObservation o, List<byte[]> frames) {
        long bytes = 0;
        for (int i = 0; i < frames.size(); i++) {
            bytes += segment(requirement, o, frames, i).layout().payloadLength();
        }
        return bytes;
    }

    /** A failure of {@code requirement} for this send, with input, expected and actual frames and the diff of {@code segment} (-1: none). */
    static AssertionError failure(String requirement, GsoObservation o, int segment, String message) {
        String heading = requirement + " " + o.vector() + "\n" + message + "\nroute: " + (o.transmission() == null ? "-" : o.transmission().route());
        return Verdict.failure(requirement, o.vector() + ": " + message, () -> {
            List<byte[]> expected = o.expected() instanceof Segmentation.Segments s ? s.frames() : List.of();
            List<byte[]> actual = o.fault() == null ? o.result().frames() : List.of();
            boolean both = segment >= 0 && segment < expected.size() && segment < actual.size();
            Verdict.attachFrames(o.vector().frame(), expected, actual, heading,
                    both ? "segment " + (segment + 1) + ":\n" + FrameDiff.table(expected.get(segment), actual.get(segment)) : "");
        });
    }

    /**
     * A segment's own checksums verify: the IPv4 header's over the header, the transport's over the pseudo-header
     * with the segment's length, its header and payload; a UDP checksum the template left 0 stays 0.
     */
    static String checksums(int i, int n, Segment expected, Segment actual) {
        String header = headerChecksum(expected, actual);
        return header != null ? header : transportChecksum(expected, actual);
    }

    static String headerChecksum(Segment expected, Segment actual) {
        boolean verifies = !actual.layout().isIPv4() || FrameChecksums.ipv4HeaderVerifies(actual.frame(), actual.layout());
        return verifies ? null : doesNotVerify(expected, actual, "ip.checksum");
    }

    static String transportChecksum(Segment expected, Segment actual) {
        String key = actual.layout().isTcp() ? "tcp.checksum" : "udp.checksum";
        if (actual.layout().isUdp() && Bytes.u16(expected.frame(), expected.layout().transportChecksumOffset()) == 0) {
            return differs(expected, actual, key);
        }
        // 0x0000 is a TCP checksum like any other (the sum came to 0xFFFF); only for UDP does 0 mean "none".
        boolean udpNone = actual.layout().isUdp() && Bytes.u16(actual.frame(), actual.layout().transportChecksumOffset()) == 0;
        boolean verifies = FrameChecksums.transportVerifies(actual.frame(), actual.layout()) && !udpNone;
        return verifies ? null : doesNotVerify(expected, actual, key);
    }

    private static String doesNotVerify(Segment expected, Segment actual, String key) {
        Field field = FrameFields.decode(actual.frame()).stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
        return field.label() + " (" + key + ", offset " + field.offset() + ") is " + field.valueIn(actual.frame())
                + ", which does not verify (the reference's segment has " + field.valueIn(expected.frame()) + ")";
    }

    /** The first send of this IP version the DUT's hardware segments; a skip with the reason when there is none. */
    static GsoVector probe(List<GsoVector> vectors, Layer4Flag needed, boolean ipv4) {
        String missing = notAdvertised(needed);
        if (missing != null) {
            throw new SkipException(missing);
        }
        return vectors.stream().filter(v -> v.layout().isIPv4() == ipv4 && inHardware(v) && segmented(v)).findFirst()
                .orElseThrow(() -> new SkipException("no " + (ipv4 ? "IPv4" : "IPv6") + " send of the corpus reaches the DUT's hardware"));
    }

    /**
     * The stack switches {@code field} off: a send of that IP version must then be dropped and never reach the
     * DUT, while a send of the other IP version still goes; switched back on, the DUT segments the first again (spec 2.3 item 8, 2.4 item 8). In NetAdapterCx the framework drops, not the driver.
     */
    static void judgeSwitchingOff(String requirement, SwitchField field, List<GsoVector> vectors, Layer4Flag needed, boolean ipv4) {
        GsoVector probe = probe(vectors, needed, ipv4);
        GsoVector other = vectors.stream().filter(v -> v.layout().isIPv4() != ipv4 && inHardware(v) && segmented(v)).findFirst().orElse(null);
        switchTo(SwitchParameter.DISABLED, field);
        try {
            GsoObservation off = session().transmitNow(probe);
            if (off.completion().success() || !off.transmission().packets().isEmpty()) {
                throw failure(requirement, off, -1, "after the stack set " + field.ndisName + " to DISABLED the send still reached the DUT ("
                        + off.transmission().route() + "); it must be dropped");
            }
            if (other != null && session().transmitNow(other).transmission().dropped() != null) {
                throw failure(requirement, off, -1, "setting " + field.ndisName + " to DISABLED dropped " + other + " too, of the other IP version");
            }
        } finally {
            switchTo(SwitchParameter.ENABLED, field);
        }
        GsoObservation back = session().transmitNow(probe);
        TxResult result = back.completion();
        if (!result.success() || result.frames().size() != back.expectedFrames().size()) {
            throw failure(requirement, back, -1, "after the stack set " + field.ndisName + " back to ENABLED the send completed as '" + result
                    + "', expected " + back.expectedFrames().size() + " segments: the DUT must follow the framework's callback");
        }
    }

    /** Asks, as the stack does, to switch one LSO or USO field; waits for the DUT's callbacks. */
    static void switchTo(SwitchParameter value, SwitchField field) {
        AdapterHost.StackRequest answer = host().request(OffloadParameters.switches(value, field));
        if (answer.status() != NdisStatus.SUCCESS) {
            throw new IllegalStateException("the framework answered " + answer.status() + " to " + field.ndisName + " " + value);
        }
        answer.callbacks().await();
    }
}
