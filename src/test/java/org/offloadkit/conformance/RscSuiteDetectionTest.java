package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.offloadkit.faulty.TxOnlyWithoutLimits;
import org.offloadkit.report.Summary;
import org.testng.annotations.Test;

/**
 * The coalescing suite against correct adapters: the reference adapter passes every RSC requirement, and an
 * adapter without RSC is skipped with the reason. The broken ones, and the choices the spec leaves an adapter,
 * are the mutation catalogue's ({@code MutationScoreTest}).
 */
public class RscSuiteDetectionTest {

    static final Set<String> RSC_REQUIREMENTS = IntStream.rangeClosed(1, 18).mapToObj(i -> String.format("RSC-%02d", i))
            .collect(Collectors.toUnmodifiableSet());

    static Summary run(String dut) throws IOException {
        return SuiteRuns.run(dut, "rsc");
    }

    @Test
    public void referenceAdapterPassesEveryRscRequirement() throws IOException {
        Summary summary = run("reference");
        SuiteRuns.assertPassesEverything(summary, RSC_REQUIREMENTS);
    }

    @Test
    public void anAdapterWithoutRscIsSkippedWithTheReason() throws IOException {
        Summary summary = run(TxOnlyWithoutLimits.class.getName());
        assertEquals(summary.requirements.keySet(), RSC_REQUIREMENTS);
        for (Summary.RequirementResult r : summary.requirements.values()) {
            assertEquals(r.status, "skipped");
            assertEquals(r.skipReason, "the DUT did not advertise RSC capabilities");
        }
    }
}
