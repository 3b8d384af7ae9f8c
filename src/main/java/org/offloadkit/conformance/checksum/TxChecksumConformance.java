package org.offloadkit.conformance.checksum;

import static org.offloadkit.spec.TxChecksumAction.REQUIRED;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.offloadkit.conformance.Case;
import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.Judgement;
import org.offloadkit.conformance.TxObservation;
import org.offloadkit.conformance.Verdict;
import org.offloadkit.corpus.ChecksumCorpus;
import org.offloadkit.corpus.TxChecksumVector;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.ChecksumRoute;
import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.Field;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameFields;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.ParseResult;
import org.offloadkit.report.Requirement;
import org.offloadkit.spec.TxChecksum;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * Transmit checksum offload, CSUM-TX-01..06: each corpus vector goes through the framework to the DUT,
 * and what reaches the wire is judged against the reference engine. Vectors the framework checksums in
 * software are judged by CSUM-TX-04; vectors whose layout names the IP version only, by CSUM-TX-05.
 */
@Epic("Checksum offload")
@Feature("Tx checksum")
public class TxChecksumConformance {

    // ---------------------------------------------------------------- CSUM-TX-01

    @DataProvider
    public Iterator<Object[]> layer4RequiredInHardware() {
        return vectors(TxChecksumConformance::layer4RequiredInHardware, "no vector with Layer 4 Required reaches the DUT's hardware");
    }

    @Test(dataProvider = "layer4RequiredInHardware")
    @Requirement(value = "CSUM-TX-01", title = "Layer 4 Required: the TCP/UDP checksum verifies over pseudo-header and segment")
    public void required_csumTx01_layer4ChecksumVerifies(Case<TxChecksumVector> vector) {
        TxChecksumVector v = vector.get();
        TxObservation o = ConformanceRun.session().transmit(v);
        byte[] actual = o.wireFrame("CSUM-TX-01");
        FrameLayout layout = parsed("CSUM-TX-01", o, actual);
        if (!FrameChecksums.transportVerifies(actual, layout)) {
            throw fieldFailure("CSUM-TX-01", o, actual, layout.isTcp() ? "tcp.checksum" : "udp.checksum",
                    "a Required TCP or UDP checksum must verify over the pseudo-header (source, destination, protocol, length), header and payload");
        }
    }

    // ---------------------------------------------------------------- CSUM-TX-02

    @DataProvider
    public Iterator<Object[]> layer3RequiredInHardware() {
        return vectors(TxChecksumConformance::layer3RequiredInHardware, "no IPv4 vector with Layer 3 Required reaches the DUT's hardware");
    }

    @Test(dataProvider = "layer3RequiredInHardware")
    @Requirement(value = "CSUM-TX-02", title = "Layer 3 Required: the IPv4 header checksum verifies, whatever the field held")
    public void required_csumTx02_ipv4HeaderChecksumVerifies(Case<TxChecksumVector> vector) {
        TxChecksumVector v = vector.get();
        TxObservation o = ConformanceRun.session().transmit(v);
        byte[] actual = o.wireFrame("CSUM-TX-02");
        FrameLayout layout = parsed("CSUM-TX-02", o, actual);
        if (!FrameChecksums.ipv4HeaderVerifies(actual, layout)) {
            throw fieldFailure("CSUM-TX-02", o, actual, "ip.checksum", "a Required IPv4 header checksum must verify over the header");
        }
    }

    // ---------------------------------------------------------------- CSUM-TX-03

    @DataProvider
    public Iterator<Object[]> inHardware() {
        return vectors(TxChecksumConformance::hardware, "no vector reaches the DUT's hardware");
    }

    @Test(dataProvider = "inHardware")
    @Requirement(value = "CSUM-TX-03", title = "Passthrough layers, and every byte that is not a Required checksum, leave unchanged")
    public void required_csumTx03_passthroughUnchanged(Case<TxChecksumVector> vector) {
        TxChecksumVector v = vector.get();
        TxObservation o = ConformanceRun.session().transmit(v);
        byte[] actual = o.wireFrame("CSUM-TX-03");
        Verdict.sameFrame("CSUM-TX-03", v.toString(), "Passthrough layers and non-checksum bytes must leave as the stack gave them.",
                v.frame(), o.expected(), actual, requiredChecksumFields(v));
    }

    // ---------------------------------------------------------------- CSUM-TX-04

    @DataProvider
    public Iterator<Object[]> inSoftware() {
        AdapterHost host = ConformanceRun.session().host();
        return vectors(TxChecksumConformance::inSoftware, "every vector's shape is within what the DUT advertises ("
                + host.hardwareTxChecksum() + "), so the framework never falls back to software");
    }

    @Test(dataProvider = "inSoftware")
    @Requirement(value = "CSUM-TX-04", title = "Shapes beyond the advertised ones: software checksum, the DUT sees Passthrough")
    public void required_csumTx04_softwareFallback(Case<TxChecksumVector> vector) {
        TxChecksumVector v = vector.get();
        TxObservation o = ConformanceRun.session().transmit(v);
        Allure.parameter("route", "software fallback: " + o.transmission().route());
        TxChecksum handed = o.transmission().handed().checksum();
        if (!handed.equals(TxChecksum.PASSTHROUGH)) {
            throw Verdict.failure("CSUM-TX-04", v + ": routed to software (" + o.transmission().route()
                    + ") but the DUT was handed " + handed, () -> Verdict.attachInput(v.frame()));
        }
        byte[] actual = o.wireFrame("CSUM-TX-04");
        Verdict.sameFrame("CSUM-TX-04", v.toString(), "The framework computed the checksums ("
                        + o.transmission().route() + "); the DUT, handed Passthrough, must send the frame as it is.",
                v.frame(), o.expected(), actual, Set.of());
    }

    // ---------------------------------------------------------------- CSUM-TX-05

    @DataProvider
    public Iterator<Object[]> unspecifiedLayer3() {
        return vectors(v -> v.has(TxChecksumVector.UNSPECIFIED_LAYER3), "the corpus has no vector with an unspecified layer 3 type");
    }

    @Test(dataProvider = "unspecifiedLayer3")
    @Requirement(value = "CSUM-TX-05", title = "Unspecified layer 3 types never fall back by layer 3 flag or offset limit")
    public void required_csumTx05_unspecifiedLayer3(Case<TxChecksumVector> vector) {
        TxChecksumVector v = vector.get();
        TxObservation o = ConformanceRun.session().transmit(v);
        ChecksumRoute route = o.transmission().route();
        if (route.rule() == ChecksumRoute.Rule.LAYER3_FLAG_MISSING || route.rule() == ChecksumRoute.Rule.LAYER4_OFFSET_BEYOND_LIMIT
                || route.rule() == ChecksumRoute.Rule.LAYER3_OFFSET_BEYOND_LIMIT) {
            throw Verdict.failure("CSUM-TX-05", v + ": the framework fell back by " + route, () -> Verdict.attachInput(v.frame()));
        }
        byte[] actual = o.wireFrame("CSUM-TX-05");
        Verdict.sameFrame("CSUM-TX-05", v.toString(), "The layout declared " + v.layout().layer3Type()
                        + " (" + route + "); the DUT must find the headers itself and compute what is Required.",
                v.frame(), o.expected(), actual, Set.of());
    }

    // ---------------------------------------------------------------- CSUM-TX-06

    @DataProvider
    public Iterator<Object[]> udpSumZeroInHardware() {
        return vectors(TxChecksumConformance::udpSumZeroInHardware, "no UDP vector whose sum is zero reaches the DUT's hardware");
    }

    @Test(dataProvider = "udpSumZeroInHardware")
    @Requirement(value = "CSUM-TX-06", title = "A computed UDP checksum of 0x0000 is sent as 0xFFFF")
    public void required_csumTx06_udpZeroSentAsFfff(Case<TxChecksumVector> vector) {
        TxChecksumVector v = vector.get();
        TxObservation o = ConformanceRun.session().transmit(v);
        byte[] actual = o.wireFrame("CSUM-TX-06");
        FrameLayout layout = parsed("CSUM-TX-06", o, actual);
        if (Bytes.u16(actual, layout.transportChecksumOffset()) != 0xFFFF) {
            throw fieldFailure("CSUM-TX-06", o, actual, "udp.checksum",
                    "this datagram's checksum computes to 0, which must go out as 0xFFFF because 0 on the wire means 'no checksum' "
                            + "(RFC 768) [GAP: the rule is RFC 768's; Microsoft's documents do not state it]");
        }
    }

    // ---------------------------------------------------------------- which vectors each requirement judges

    private static boolean layer4RequiredInHardware(TxChecksumVector v) {
        return hardware(v) && v.request().layer4() == REQUIRED && v.layout().transportChecksumOffset() >= 0;
    }

    private static boolean layer3RequiredInHardware(TxChecksumVector v) {
        return hardware(v) && v.request().layer3() == REQUIRED && v.layout().isIPv4();
    }

    private static boolean inSoftware(TxChecksumVector v) {
        return route(v).software();
    }

    private static boolean udpSumZeroInHardware(TxChecksumVector v) {
        return hardware(v) && v.has(TxChecksumVector.UDP_SUM_ZERO);
    }

    /** The tests that judge {@code v}, chosen as the data providers choose the corpus's vectors; replay judges with them. */
    public static List<Judgement<TxChecksumVector>> judgementsOf(TxChecksumVector v) {
        List<Judgement<TxChecksumVector>> judgements = new ArrayList<>();
        if (layer4RequiredInHardware(v)) {
            judgements.add(Judgement.of(TxChecksumConformance.class, "required_csumTx01_layer4ChecksumVerifies"));
        }
        if (layer3RequiredInHardware(v)) {
            judgements.add(Judgement.of(TxChecksumConformance.class, "required_csumTx02_ipv4HeaderChecksumVerifies"));
        }
        if (hardware(v)) {
            judgements.add(Judgement.of(TxChecksumConformance.class, "required_csumTx03_passthroughUnchanged"));
        }
        if (inSoftware(v)) {
            judgements.add(Judgement.of(TxChecksumConformance.class, "required_csumTx04_softwareFallback"));
        }
        if (v.has(TxChecksumVector.UNSPECIFIED_LAYER3)) {
            judgements.add(Judgement.of(TxChecksumConformance.class, "required_csumTx05_unspecifiedLayer3"));
        }
        if (udpSumZeroInHardware(v)) {
            judgements.add(Judgement.of(TxChecksumConformance.class, "required_csumTx06_udpZeroSentAsFfff"));
        }
        return judgements;
    }

    // ---------------------------------------------------------------- shared

    static ChecksumCorpus corpus() {
        return CorpusHolder.CORPUS;
    }

    private static final class CorpusHolder {
        static final ChecksumCorpus CORPUS = ChecksumCorpus.load();
    }

    private static ChecksumRoute route(TxChecksumVector v) {
        return ConformanceRun.session().host().route(v.layout(), v.request());
    }

    /** Vectors the stack declares fully and the framework hands to the hardware. */
    private static boolean hardware(TxChecksumVector v) {
        return !v.has(TxChecksumVector.UNSPECIFIED_LAYER3) && !route(v).software();
    }

    private static Iterator<Object[]> vectors(Predicate<TxChecksumVector> applies, String noneReason) {
        List<Object[]> rows = corpus().tx().stream().filter(applies).map(v -> new Object[] {Case.of(v)}).toList();
        return rows.isEmpty() ? List.<Object[]>of(new Object[] {Case.none(noneReason)}).iterator() : rows.iterator();
    }

    /** The checksum fields the DUT must compute for this vector: judged by CSUM-TX-01/02, not by CSUM-TX-03. */
    private static Set<String> requiredChecksumFields(TxChecksumVector v) {
        Set<String> fields = new HashSet<>();
        if (v.request().layer3() == REQUIRED) {
            fields.add("ip.checksum");
        }
        if (v.request().layer4() == REQUIRED) {
            fields.add("tcp.checksum");
            fields.add("udp.checksum");
        }
        return fields;
    }

    private static FrameLayout parsed(String requirement, TxObservation o, byte[] actual) {
        ParseResult parsed = FrameParser.parse(actual);
        if (parsed instanceof FrameLayout layout) {
            return layout;
        }
        throw Verdict.failure(requirement, o.vector() + ": the frame on the wire does not parse: " + parsed,
                () -> Verdict.attachFrames(o.vector().frame(), o.expected(), actual, requirement + " " + o.vector()));
    }

    private static AssertionError fieldFailure(String requirement, TxObservation o, byte[] actual, String key, String rule) {
        byte[] expected = o.expected();
        Field field = FrameFields.decode(expected).stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
        String message = o.vector() + ": " + field.label() + " (" + key + ", offset " + field.offset() + ") is "
                + field.valueIn(actual) + ", expected " + field.valueIn(expected) + ": " + rule;
        return Verdict.failure(requirement, message,
                () -> Verdict.attachFrames(o.vector().frame(), expected, actual, requirement + " " + message));
    }
}
