package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.offloadkit.faulty.TxOnlyWithoutLimits;
import org.offloadkit.report.Summary;
import org.testng.annotations.Test;

/**
 * The checksum suite against correct adapters: the reference adapter passes every requirement, and what an
 * adapter does not advertise is skipped with the reason. The broken ones are the mutation catalogue's
 * ({@code MutationScoreTest}).
 */
public class ChecksumSuiteDetectionTest {

    static final Set<String> CHECKSUM_REQUIREMENTS = Set.of("CSUM-TX-01", "CSUM-TX-02", "CSUM-TX-03", "CSUM-TX-04",
            "CSUM-TX-05", "CSUM-TX-06", "CSUM-RX-01", "CSUM-RX-02", "CSUM-RX-03");

    static Summary run(String dut) throws IOException {
        return SuiteRuns.run(dut, "checksum");
    }

    @Test
    public void referenceAdapterPassesEveryChecksumRequirement() throws IOException {
        Summary summary = run("reference");
        SuiteRuns.assertPassesEverything(summary, CHECKSUM_REQUIREMENTS);
        assertTrue(summary.counts.passed > 500, "every vector is its own result: " + summary.counts.passed);
    }

    @Test
    public void whatTheAdapterDoesNotAdvertiseIsSkippedWithTheReasonNotPassed() throws IOException {
        Summary summary = run(TxOnlyWithoutLimits.class.getName());
        Set<String> skipped = summary.requirements.entrySet().stream().filter(e -> "skipped".equals(e.getValue().status))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(skipped, new TreeSet<>(Set.of("CSUM-TX-04", "CSUM-RX-01", "CSUM-RX-02", "CSUM-RX-03")), describe(summary));
        assertEquals(summary.counts.bad(), 0, describe(summary));
        assertTrue(summary.requirements.get("CSUM-TX-01").results.passed > 0);
        assertEquals(summary.requirements.get("CSUM-RX-02").skipReason, "the DUT did not register Rx checksum capabilities");
        assertTrue(summary.requirements.get("CSUM-TX-04").skipReason.contains("the framework never falls back"),
                summary.requirements.get("CSUM-TX-04").skipReason);
    }

    private static String describe(Summary summary) {
        return SuiteRuns.describe(summary);
    }
}
