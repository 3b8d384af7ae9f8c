package org.offloadkit.reference;

import static org.offloadkit.spec.RxChecksumEvaluation.INVALID;
import static org.offloadkit.spec.RxChecksumEvaluation.NOT_CHECKED;
import static org.offloadkit.spec.RxChecksumEvaluation.VALID;
import static org.offloadkit.testing.ChecksumStatus.NO_HEADER;
import static org.testng.Assert.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.offloadkit.corpus.ChecksumCorpus;
import org.offloadkit.corpus.RxChecksumVector;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.testing.ChecksumStatus;
import org.offloadkit.testing.OracleVerdict;
import org.offloadkit.testing.Pcap4jChecksums;
import org.offloadkit.testing.Pcap4jChecksums.BlindSpot;
import org.offloadkit.testing.ProjectDir;
import org.offloadkit.testing.Tshark;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The receive checksum evaluator against the verdict each corpus frame was built to get, and that verdict
 * against two oracles that share no code with ours, tshark and Pcap4J.
 */
public class RxChecksumOracleTest {
    private static final List<RxChecksumVector> VECTORS = ChecksumCorpus.load(ProjectDir.root()).rx();
    private static final List<RxChecksumOffload> PARTLY_DISABLED = List.of(
            new RxChecksumOffload(false, true, true),
            new RxChecksumOffload(true, false, true),
            new RxChecksumOffload(true, true, false),
            RxChecksumOffload.NONE);

    private Map<String, OracleVerdict> tsharkVerdicts;

    @DataProvider
    public static Object[][] vectors() {
        return rows(v -> true);
    }

    @DataProvider
    public static Object[][] vectorsPcap4jCanJudge() {
        return rows(v -> BlindSpot.ofCorpusVector(v.name()).isEmpty());
    }

    @DataProvider
    public static Object[][] vectorsUnderPartlyDisabledOffload() {
        return VECTORS.stream()
                .flatMap(v -> PARTLY_DISABLED.stream().map(active -> new Object[] {v, active}))
                .toArray(Object[][]::new);
    }

    @Test(dataProvider = "vectors")
    public void required_csumRx02_evaluatorGivesTheVerdictTheFrameWasBuiltFor(RxChecksumVector vector) {
        assertEquals(RxChecksumEvaluator.indicate(vector.frame(), RxChecksumOffload.ALL).checksum(), vector.intended(),
                vector.toString());
    }

    @Test(dataProvider = "vectors")
    public void required_csumRx02_tsharkGivesTheVerdictTheFrameWasBuiltFor(RxChecksumVector vector) {
        OracleVerdict seen = tshark(vector);
        assertEquals(asEvaluation(seen), vector.intended(), vector + ", which tshark finds " + seen);
    }

    @Test(dataProvider = "vectorsPcap4jCanJudge")
    public void required_csumRx02_pcap4jGivesTheVerdictTheFrameWasBuiltFor(RxChecksumVector vector) {
        OracleVerdict seen = Pcap4jChecksums.verify(vector.frame());
        assertEquals(asEvaluation(seen), vector.intended(), vector + ", which Pcap4J finds " + seen);
    }

    /** Keeps the vectors left to tshark alone from growing unnoticed. */
    @Test
    public void pcap4jCannotJudgeExactlyTheListedShapes() {
        Map<String, Optional<BlindSpot>> met = VECTORS.stream()
                .collect(Collectors.toMap(RxChecksumVector::toString, v -> Pcap4jChecksums.blindSpot(v.frame())));
        Map<String, Optional<BlindSpot>> listed = VECTORS.stream()
                .collect(Collectors.toMap(RxChecksumVector::toString, v -> BlindSpot.ofCorpusVector(v.name())));
        assertEquals(met, listed, "the vectors Pcap4J cannot judge");
    }

    @Test(dataProvider = "vectorsUnderPartlyDisabledOffload")
    public void required_csumRx03_aProtocolWithRxChecksumDisabledIsNotChecked(RxChecksumVector vector, RxChecksumOffload active) {
        RxChecksum intended = vector.intended();
        RxChecksum expected = new RxChecksum(active.ipv4() ? intended.layer3() : NOT_CHECKED,
                coversTransport(active, tshark(vector)) ? intended.layer4() : NOT_CHECKED);
        assertEquals(RxChecksumEvaluator.indicate(vector.frame(), active).checksum(), expected, vector + " with " + active);
    }

    /** An oracle's statuses as the Rx checksum evaluation they amount to. */
    private static RxChecksum asEvaluation(OracleVerdict seen) {
        return new RxChecksum(asEvaluation(seen.ipv4Header()), asEvaluation(seen.transport()));
    }

    private static RxChecksumEvaluation asEvaluation(ChecksumStatus status) {
        return switch (status) {
            case GOOD -> VALID;
            case BAD -> INVALID;
            // An IPv4 UDP datagram sent without a checksum: the spec only forbids Invalid (CSUM-RX-02); we say Valid.
            case NOT_PRESENT -> VALID;
            // A UDP checksum of 0 over IPv6, which RFC 8200 8.1 forbids.
            case ILLEGAL -> INVALID;
            // Fragments, ICMP, ARP: nothing at this layer to check.
            case NO_HEADER -> NOT_CHECKED;
            case UNVERIFIED -> throw new AssertionError("the oracle left a checksum unverified");
        };
    }

    /** Whether the active set covers the transport protocol tshark found in the frame. */
    private static boolean coversTransport(RxChecksumOffload active, OracleVerdict seen) {
        if (seen.tcp() != NO_HEADER) {
            return active.tcp();
        }
        if (seen.udp() != NO_HEADER) {
            return active.udp();
        }
        return true; // nothing at layer 4: Not Checked either way
    }

    /** One tshark run over the whole corpus, not one per vector. */
    private OracleVerdict tshark(RxChecksumVector vector) {
        if (tsharkVerdicts == null) {
            tsharkVerdicts = Tshark.checksums(VECTORS, RxChecksumVector::id, RxChecksumVector::frame);
        }
        return tsharkVerdicts.get(vector.id());
    }

    private static Object[][] rows(Predicate<RxChecksumVector> which) {
        return VECTORS.stream().filter(which).map(v -> new Object[] {v}).toArray(Object[][]::new);
    }
}
