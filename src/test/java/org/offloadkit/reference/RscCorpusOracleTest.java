package org.offloadkit.reference;

import static org.testng.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RscCorpus;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.testing.ChecksumStatus;
import org.offloadkit.testing.OracleVerdict;
import org.offloadkit.testing.ProjectDir;
import org.offloadkit.testing.Tshark;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The reference coalescer against the corpus: it makes of each case exactly the units the case's author
 * worked out by hand from the NDIS rules, and tshark finds the checksums of everything it indicates right.
 */
public class RscCorpusOracleTest {
    private static final RscSettings NDIS = RscSettings.ndis(new RscOffload(
            Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), true),
            RxChecksumOffload.ALL);
    private static final RscCorpus CORPUS = RscCorpus.load(ProjectDir.root());

    @DataProvider
    public static Object[][] cases() {
        return CORPUS.cases().stream().map(c -> new Object[] {c}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "cases")
    public void referenceMakesTheUnitsWorkedOutByHand(RscCase c) {
        List<List<Integer>> made = new ArrayList<>();
        int offset = 0;
        for (List<byte[]> batch : c.batches()) {
            for (RscUnit unit : RscCoalescer.coalesce(batch, NDIS)) {
                int base = offset;
                made.add(unit.segments().stream().map(i -> i + base).toList());
            }
            offset += batch.size();
        }
        made.sort(Comparator.comparing(group -> group.get(0)));
        assertEquals(made, c.intended().stream().map(RscCorpusOracleTest::places).toList(), c + ": " + c.idea());
    }

    @Test
    public void tsharkFindsEveryIndicatedChecksumRightExceptThoseBuiltWrong() {
        List<RxIndication> indicated = new ArrayList<>();
        for (RscCase c : CORPUS.cases()) {
            for (List<byte[]> batch : c.batches()) {
                indicated.addAll(RscCoalescer.indications(batch, NDIS));
            }
        }
        List<OracleVerdict> verdicts = Tshark.checksums(indicated.stream().map(RxIndication::frame).toList());
        for (int i = 0; i < indicated.size(); i++) {
            RxIndication indication = indicated.get(i);
            OracleVerdict tshark = verdicts.get(i);
            boolean builtWrong = indication.checksum().layer3() == RxChecksumEvaluation.INVALID
                    || indication.checksum().layer4() == RxChecksumEvaluation.INVALID;
            if (indication.rsc().coalesced()) {
                assertEquals(tshark.tcp(), ChecksumStatus.GOOD, "TCP checksum of coalesced unit " + indication);
                if (indication.layout().isIPv4()) {
                    assertEquals(tshark.ipv4Header(), ChecksumStatus.GOOD, "IPv4 checksum of coalesced unit " + indication);
                }
            } else if (!builtWrong && indication.layout().isTcp()) {
                assertEquals(tshark.tcp(), ChecksumStatus.GOOD, "frame indicated as it arrived " + indication);
            }
        }
    }

    /** "0-3" or "0,4,8" as frame places. */
    private static List<Integer> places(String group) {
        if (group.contains("-")) {
            String[] range = group.split("-");
            List<Integer> all = new ArrayList<>();
            for (int i = Integer.parseInt(range[0]); i <= Integer.parseInt(range[1]); i++) {
                all.add(i);
            }
            return all;
        }
        return List.of(group.split(",")).stream().map(Integer::parseInt).toList();
    }
}
