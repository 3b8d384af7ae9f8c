package org.offloadkit.conformance.rsc;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.offloadkit.corpus.RscCase;
import org.offloadkit.packet.FlowLabel;
import org.offloadkit.packet.FrameDiff;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.report.Evidence;
import org.offloadkit.spec.RscInfo;
import org.offloadkit.spec.RxIndication;

/**
 * Compares what a DUT indicated for a coalescing case with what the reference indicates, one aspect at a
 * time, so that each requirement judges its own rule and nothing else. Indications are compared flow by
 * flow, in order: the NDIS rules keep the order within a connection, not across connections.
 *
 * <p>The spec leaves an adapter two choices, and the judge accepts either: a duplicate ACK may be folded
 * into the tracked unit or indicated on its own (the documented exemption), so the reference is computed
 * both ways; and a unit's checksum fields are judged by RSC-13 alone, because under ValueInvalid they are
 * free.
 */
final class RscJudge {
    /** The fields of a unit only RSC-13 judges. */
    static final Set<String> CHECKSUM_FIELDS = Set.of("ip.checksum", "tcp.checksum");

    /** The metadata a requirement judges. */
    enum Metadata {
        COUNT("CoalescedSegmentCount", RscInfo::coalescedSegmentCount),
        DUPLICATE_ACKS("DuplicateAckCount", RscInfo::duplicateAckCount),
        TIMESTAMP_DELTA("RscTcpTimestampDelta", RscInfo::tcpTimestampDelta);

        final String ndisName;
        final Function<RscInfo, Number> value;

        Metadata(String ndisName, Function<RscInfo, Number> value) {
            this.ndisName = ndisName;
            this.value = value;
        }
    }

    /** Where and how the DUT first departs from one expectation. */
    record Departure(String where, String what, byte[] expectedFrame, byte[] actualFrame, Set<String> masked) {}

    private final RscCase rscCase;
    private final List<List<RxIndication>> actual;
    private final List<Expectation> expectations;

    /** The reference's indications for the case under one set of choices. */
    private record Expectation(String choice, List<List<RscUnit>> batches) {}

    RscJudge(RscCase rscCase, List<List<RxIndication>> actual, RscSettings reference) {
        this.rscCase = rscCase;
        this.actual = actual;
        this.expectations = List.of(expect("duplicate ACKs folded, as the flowchart does", reference),
                expect("duplicate ACKs indicated on their own, the documented exemption", reference.withDuplicateAckExemption()));
    }

    private Expectation expect(String choice, RscSettings settings) {
        return new Expectation(choice, rscCase.batches().stream().map(batch -> RscCoalescer.coalesce(batch, settings)).toList());
    }

    /** The first frame that differs from the reference's, checksum fields of units aside. */
    Optional<Departure> frames() {
        return judged(this::frames);
    }

    /** The first unit whose metadata differs from the reference's in the fields given. */
    Optional<Departure> metadata(Set<Metadata> fields) {
        return judged(e -> metadata(e, fields));
    }

    private Optional<Departure> judged(Function<Expectation, Optional<Departure>> aspect) {
        Optional<Departure> first = aspect.apply(expectations.get(0));
        if (first.isEmpty()) {
            return first;
        }
        for (Expectation other : expectations.subList(1, expectations.size())) {
            if (aspect.apply(other).isEmpty()) {
                Evidence.text("accepted", rscCase + ": the DUT's indications match the reference with " + other.choice()
                        + "; the spec allows it");
                return Optional.empty();
            }
        }
        return first;
    }

    private Optional<Departure> frames(Expectation expectation) {
        return eachFlow(expectation, (where, received, expected, actual) -> {
            Set<String> masked = expected.segments().size() > 1 ? CHECKSUM_FIELDS : Set.of();
            return FrameDiff.first(expected.indication().frame(), actual.frame(), masked)
                    .map(d -> new Departure(where, d.toString(), expected.indication().frame(), actual.frame(), masked));
        });
    }

    private Optional<Departure> metadata(Expectation expectation, Set<Metadata> fields) {
        return eachFlow(expectation, (where, received, expected, actual) -> {
            RscInfo want = expected.indication().rsc();
            RscInfo got = actual.rsc();
            if (loneSegmentCountedOne(expected, actual)) {
                Evidence.text("accepted", where + ": a data segment indicated as it arrived, with CoalescedSegmentCount 1;"
                        + " the reference says 0, and the spec does not settle which [GAP]");
                return Optional.empty();
            }
            for (Metadata field : fields) {
                if (!field.value.apply(want).equals(field.value.apply(got))) {
                    String why = field == Metadata.COUNT && got.coalescedSegmentCount() > want.coalescedSegmentCount()
                            && foldsPureAcks(received, expected) ? ": pure ACKs (window updates, duplicate ACKs) are not counted" : "";
                    return Optional.of(new Departure(where, field.ndisName + " " + field.value.apply(got) + ", expected "
                            + field.value.apply(want) + why, expected.indication().frame(), actual.frame(), Set.of()));
                }
            }
            return Optional.empty();
        });
    }

    /** The spec says "0 for non-RSC" and also "count = 1" when H starts: a lone segment may say either. */
    private static boolean loneSegmentCountedOne(RscUnit expected, RxIndication actual) {
        return expected.segments().size() == 1 && actual.rsc().equals(new RscInfo(1, 0, 0))
                && java.util.Arrays.equals(expected.indication().frame(), actual.frame())
                && expected.indication().layout().payloadLength() > 0;
    }

    private static boolean foldsPureAcks(List<byte[]> received, RscUnit unit) {
        return unit.segments().stream().anyMatch(i -> FrameParser.parse(received.get(i)) instanceof FrameLayout l
                && l.isTcp() && l.payloadLength() == 0);
    }

    private interface UnitCheck {
        Optional<Departure> check(String where, List<byte[]> received, RscUnit expected, RxIndication actual);
    }

    /** Runs the check on each pair of units, flow by flow, and reports a flow with units missing or extra. */
    private Optional<Departure> eachFlow(Expectation expectation, UnitCheck check) {
        int batches = rscCase.batches().size();
        if (actual.size() != batches) {
            return Optional.of(new Departure("the case", "answers to " + actual.size() + " batches, expected " + batches,
                    new byte[0], new byte[0], Set.of()));
        }
        for (int b = 0; b < batches; b++) {
            Map<String, List<RscUnit>> expected = byFlow(expectation.batches().get(b), u -> u.indication().frame());
            Map<String, List<RxIndication>> got = byFlow(actual.get(b), RxIndication::frame);
            Set<String> flows = new LinkedHashSet<>(expected.keySet());
            flows.addAll(got.keySet());
            for (String flow : flows) {
                List<RscUnit> e = expected.getOrDefault(flow, List.of());
                List<RxIndication> a = got.getOrDefault(flow, List.of());
                for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                    Optional<Departure> d = check.check(where(b, batches, i, e.size(), flow), rscCase.batches().get(b), e.get(i), a.get(i));
                    if (d.isPresent()) {
                        return d;
                    }
                }
                if (e.size() != a.size()) {
                    int i = Math.min(e.size(), a.size());
                    byte[] expectedFrame = i < e.size() ? e.get(i).indication().frame() : new byte[0];
                    byte[] actualFrame = i < a.size() ? a.get(i).frame() : new byte[0];
                    return Optional.of(new Departure(where(b, batches, i, e.size(), flow), a.size() + " indications for the flow, expected "
                            + e.size() + (i < e.size() ? ": this unit is missing" : ": this one is extra"), expectedFrame, actualFrame, Set.of()));
                }
            }
        }
        return Optional.empty();
    }

    private static String where(int batch, int batches, int unit, int units, String flow) {
        return (batches > 1 ? "batch " + (batch + 1) + " of " + batches + ", " : "") + "unit " + (unit + 1) + " of " + units
                + " (flow " + flow + ")";
    }

    private static <T> Map<String, List<T>> byFlow(List<T> items, Function<T, byte[]> frame) {
        Map<String, List<T>> flows = new LinkedHashMap<>();
        for (T item : items) {
            flows.computeIfAbsent(FlowLabel.of(frame.apply(item)), f -> new ArrayList<>()).add(item);
        }
        return flows;
    }

    /** The reference's indications of every batch, in order, as the default choice makes them. */
    List<RxIndication> expectedIndications() {
        return expectations.get(0).batches().stream().flatMap(List::stream).map(RscUnit::indication).toList();
    }

    List<RxIndication> actualIndications() {
        return actual.stream().flatMap(List::stream).toList();
    }

    /** The TCP payload bytes of one flow's frames, in order. */
    static Map<String, byte[]> payloadByFlow(List<byte[]> frames) {
        Map<String, ByteArrayOutputStream> flows = new LinkedHashMap<>();
        for (byte[] frame : frames) {
            if (FrameParser.parse(frame) instanceof FrameLayout l && l.isTcp()) {
                flows.computeIfAbsent(FlowLabel.of(frame), f -> new ByteArrayOutputStream())
                        .write(frame, l.payloadOffset(), l.payloadLength());
            }
        }
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        flows.forEach((flow, bytes) -> payloads.put(flow, bytes.toByteArray()));
        return payloads;
    }
}
