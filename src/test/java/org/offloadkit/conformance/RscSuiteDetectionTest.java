package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.offloadkit.faulty.Catalogue;
import org.offloadkit.faulty.FaultyAdapter;
import org.offloadkit.faulty.TxOnlyWithoutLimits;
import org.offloadkit.report.Summary;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The coalescing suite tells a correct adapter from broken ones: the reference adapter passes every RSC
 * requirement, each faulty adapter fails exactly the requirements its bug breaks, and the choices the spec
 * leaves an adapter break nothing.
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

    @DataProvider
    public Object[][] faultyAdapters() {
        return Catalogue.RSC.stream().map(c -> new Object[] {c}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "faultyAdapters")
    public void faultyAdapterFailsExactlyWhatItBreaks(Class<? extends FaultyAdapter> adapter) throws Exception {
        Summary summary = SuiteRuns.assertFailsExactlyWhatItBreaks(adapter, "rsc");
        assertEquals(summary.counts.skipped, 0, SuiteRuns.describe(summary));
        assertEquals(summary.requirements.keySet(), RSC_REQUIREMENTS);
    }
}
