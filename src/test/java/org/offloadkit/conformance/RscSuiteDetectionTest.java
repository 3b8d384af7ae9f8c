package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        Path out = Files.createTempDirectory("offloadkit-run-");
        PrintStream console = new PrintStream(new ByteArrayOutputStream());
        return ConformanceRun.execute(RunConfig.of(dut, List.of("rsc"), out), console);
    }

    @Test
    public void referenceAdapterPassesEveryRscRequirement() throws IOException {
        Summary summary = run("reference");
        assertEquals(summary.requirements.keySet(), RSC_REQUIREMENTS);
        Map<String, String> notPassed = summary.requirements.entrySet().stream()
                .filter(e -> !"passed".equals(e.getValue().status))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().status + ": " + e.getValue().firstFailure));
        assertEquals(notPassed, Map.of());
        assertEquals(summary.counts.skipped, 0, "nothing may be skipped against the reference adapter");
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
        Set<String> breaks = adapter.getConstructor().newInstance().breaks();
        Summary summary = run(adapter.getName());
        Set<String> failed = summary.requirements.entrySet().stream()
                .filter(e -> "failed".equals(e.getValue().status))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(failed, new TreeSet<>(breaks), adapter.getSimpleName() + " failed " + describe(summary));
        assertEquals(summary.counts.dutFaults + summary.counts.kitErrors, 0,
                "a conformance bug is a conformance failure, not a fault: " + describe(summary));
        assertEquals(summary.counts.skipped, 0, describe(summary));
        assertTrue(summary.requirements.keySet().containsAll(RSC_REQUIREMENTS));
    }

    private static String describe(Summary summary) {
        return summary.requirements.entrySet().stream().filter(e -> !"passed".equals(e.getValue().status))
                .map(e -> e.getKey() + " " + e.getValue().status + " (" + e.getValue().firstFailure + ")")
                .collect(Collectors.joining("; "));
    }
}
