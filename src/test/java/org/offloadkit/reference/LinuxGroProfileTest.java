package org.offloadkit.reference;

import static org.testng.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RscCorpus;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.testing.ProjectDir;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The linux-gro profile on the corpus cases where docs/rsc-profiles.md says GRO parts from NDIS, each
 * grouping worked out by hand from tcp_gro_receive's rules (clause numbers of that table in brackets).
 */
public class LinuxGroProfileTest {
    private static final RscSettings LINUX = RscSettings.ndis(new RscOffload(
            Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), true),
            RxChecksumOffload.ALL).withProfile(RscProfile.LINUX_GRO);

    /** Case name, the units GRO makes of it. */
    private static final Map<String, List<List<Integer>>> GRO = Map.of(
            "psh-in-the-middle", List.of(List.of(0, 1, 2), List.of(3, 4)),           // [6] PSH merges, then flushes
            "fin-ends-the-unit", List.of(List.of(0, 1, 2)),                           // [5] FIN merges, then flushes
            "small-then-large", List.of(List.of(0), List.of(1, 2, 3)),               // [18] larger than the first: new unit
            "ttl-differs", List.of(List.of(0), List.of(1), List.of(2), List.of(3)),  // [20] TTLs must be equal
            "window-updates", List.of(List.of(0, 1, 2, 3, 4), List.of(5), List.of(6)), // [16] pure ACKs alone
            "piggybacked-acks", List.of(List.of(0, 1, 2), List.of(3, 4)),            // [14] ACK must be equal
            "timestamps-in-order", List.of(List.of(0, 1), List.of(2), List.of(3)),   // [8, 9] options identical
            "duplicate-acks-after-data", List.of(List.of(0, 1), List.of(2), List.of(3), List.of(4))); // [17]

    @DataProvider
    public static Object[][] cases() {
        return RscCorpus.load(ProjectDir.root()).cases().stream().filter(c -> GRO.containsKey(c.name()))
                .map(c -> new Object[] {c}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "cases")
    public void groMakesTheUnitsItsRulesSay(RscCase c) {
        List<List<Integer>> made = new ArrayList<>(RscCoalescer.coalesce(c.batches().get(0), LINUX).stream()
                .map(RscUnit::segments).toList());
        made.sort(Comparator.comparing(group -> group.get(0)));
        assertEquals(made, GRO.get(c.name()), c + ": " + c.idea());
    }

    @Test
    public void everyCaseWorkedOutIsInTheCorpus() {
        assertEquals(cases().length, GRO.size());
    }
}
