package org.offloadkit.reference;

import static org.offloadkit.corpus.TxChecksumVector.BAD_PASSTHROUGH_LAYER3;
import static org.offloadkit.corpus.TxChecksumVector.BAD_PASSTHROUGH_LAYER4;
import static org.offloadkit.corpus.TxChecksumVector.UDP_SUM_ZERO;
import static org.offloadkit.testing.ChecksumStatus.BAD;
import static org.offloadkit.testing.ChecksumStatus.GOOD;
import static org.offloadkit.testing.ChecksumStatus.NO_HEADER;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.offloadkit.corpus.ChecksumCorpus;
import org.offloadkit.corpus.TxChecksumVector;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.testing.ChecksumStatus;
import org.offloadkit.testing.OracleVerdict;
import org.offloadkit.testing.Pcap4jChecksums;
import org.offloadkit.testing.Pcap4jChecksums.BlindSpot;
import org.offloadkit.testing.ProjectDir;
import org.offloadkit.testing.Tshark;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The transmit checksum engine against two oracles that share no code with it, tshark and Pcap4J: every
 * frame the engine sends out of the committed corpus must verify, except the layers its generator made
 * wrong on purpose and asked to be passed through.
 */
public class TxChecksumOracleTest {
    private static final List<TxChecksumVector> VECTORS = ChecksumCorpus.load(ProjectDir.root()).tx();

    private Map<String, OracleVerdict> tsharkVerdicts;

    @DataProvider
    public static Object[][] vectors() {
        return rows(v -> true);
    }

    @DataProvider
    public static Object[][] vectorsPcap4jCanJudge() {
        return rows(v -> BlindSpot.ofCorpusVector(v.name()).isEmpty());
    }

    @Test(dataProvider = "vectors")
    public void required_csumTx01_csumTx02_tsharkFindsEveryChecksumGoodButTheDeliberatelyBadOnes(TxChecksumVector vector) {
        assertEquals(tshark(vector), intended(vector), vector + ", as tshark sees the engine's output");
    }

    @Test(dataProvider = "vectorsPcap4jCanJudge")
    public void required_csumTx01_csumTx02_pcap4jFindsEveryChecksumGoodButTheDeliberatelyBadOnes(TxChecksumVector vector) {
        assertEquals(Pcap4jChecksums.verify(send(vector)), intended(vector), vector + ", as Pcap4J sees the engine's output");
    }

    /** Keeps the vectors left to tshark alone from growing unnoticed. */
    @Test
    public void pcap4jCannotJudgeExactlyTheListedShapes() {
        Map<String, Optional<BlindSpot>> met = VECTORS.stream()
                .collect(Collectors.toMap(TxChecksumVector::toString, v -> Pcap4jChecksums.blindSpot(send(v))));
        Map<String, Optional<BlindSpot>> listed = VECTORS.stream()
                .collect(Collectors.toMap(TxChecksumVector::toString, v -> BlindSpot.ofCorpusVector(v.name())));
        assertEquals(met, listed, "the vectors Pcap4J cannot judge");
    }

    @Test(dataProvider = "vectors")
    public void required_csumTx03_onlyRequiredChecksumFieldsChange(TxChecksumVector vector) {
        byte[] sent = send(vector);
        byte[] expected = vector.frame().clone();
        for (int field : requiredChecksumFields(vector)) {
            // Only these two bytes may change; whatever the engine wrote there the oracles judge above.
            expected[field] = sent[field];
            expected[field + 1] = sent[field + 1];
        }
        assertEquals(sent, expected, vector + ": bytes outside the Required checksum fields, Passthrough layers included, changed");
    }

    /** One test for all of them, because each tshark run costs the better part of a second. */
    @Test
    public void required_csumTx06_udpSumOfZeroGoesOutAsFfff() {
        List<TxChecksumVector> sumsOfZero = VECTORS.stream().filter(v -> v.has(UDP_SUM_ZERO)).toList();
        assertFalse(sumsOfZero.isEmpty(), "the corpus has no " + UDP_SUM_ZERO + " vectors");
        List<List<String>> seen = Tshark.fields(sumsOfZero.stream().map(TxChecksumOracleTest::send).toList(),
                "udp.checksum", "udp.checksum.status");
        Map<String, List<String>> sent = IntStream.range(0, sumsOfZero.size()).boxed()
                .collect(Collectors.toMap(i -> sumsOfZero.get(i).toString(), seen::get));
        Map<String, List<String>> ffffAndGood = sumsOfZero.stream()
                .collect(Collectors.toMap(TxChecksumVector::toString, v -> List.of("0xffff", "1")));
        assertEquals(sent, ffffAndGood, "UDP checksum and its tshark status");
    }

    /** What the generator meant each checksum to be once sent: good, unless it made a Passthrough layer bad. */
    private static OracleVerdict intended(TxChecksumVector vector) {
        FrameLayout layout = vector.layout();
        ChecksumStatus ipv4Header = layout.isIPv4() ? (vector.has(BAD_PASSTHROUGH_LAYER3) ? BAD : GOOD) : NO_HEADER;
        ChecksumStatus transport = vector.has(BAD_PASSTHROUGH_LAYER4) ? BAD : GOOD;
        return new OracleVerdict(ipv4Header, layout.isTcp() ? transport : NO_HEADER, layout.isUdp() ? transport : NO_HEADER);
    }

    private static List<Integer> requiredChecksumFields(TxChecksumVector vector) {
        List<Integer> fields = new ArrayList<>();
        if (vector.request().layer3() == TxChecksumAction.REQUIRED && vector.layout().isIPv4()) {
            fields.add(vector.layout().ipv4ChecksumOffset());
        }
        if (vector.request().layer4() == TxChecksumAction.REQUIRED) {
            fields.add(vector.layout().transportChecksumOffset());
        }
        return fields;
    }

    private static byte[] send(TxChecksumVector vector) {
        return TxChecksumEngine.apply(vector.frame(), vector.layout(), vector.request());
    }

    /** One tshark run over the whole output, not one per vector. */
    private OracleVerdict tshark(TxChecksumVector vector) {
        if (tsharkVerdicts == null) {
            tsharkVerdicts = Tshark.checksums(VECTORS, TxChecksumVector::id, TxChecksumOracleTest::send);
        }
        return tsharkVerdicts.get(vector.id());
    }

    private static Object[][] rows(Predicate<TxChecksumVector> which) {
        return VECTORS.stream().filter(which).map(v -> new Object[] {v}).toArray(Object[][]::new);
    }
}
