package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.offloadkit.faulty.Catalogue;
import org.offloadkit.faulty.FaultyAdapter;
import org.offloadkit.faulty.TxOnlyWithoutLimits;
import org.offloadkit.report.Summary;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The checksum suite tells a correct adapter from broken ones: the reference adapter passes every
 * requirement, and each faulty adapter fails exactly the requirements its bug breaks.
 */
public class ChecksumSuiteDetectionTest {

    static final Set<String> CHECKSUM_REQUIREMENTS = Set.of("CSUM-TX-01", "CSUM-TX-02", "CSUM-TX-03", "CSUM-TX-04",
            "CSUM-TX-05", "CSUM-TX-06", "CSUM-RX-01", "CSUM-RX-02", "CSUM-RX-03");

    static Summary run(String dut) throws IOException {
        return run(dut, "checksum");
    }

    static Summary run(String dut, String suite) throws IOException {
        Path out = Files.createTempDirectory("offloadkit-run-");
        PrintStream console = new PrintStream(new ByteArrayOutputStream());
        return ConformanceRun.execute(RunConfig.of(dut, java.util.List.of(suite), out), console);
    }

    @Test
    public void referenceAdapterPassesEveryChecksumRequirement() throws IOException {
        Summary summary = run("reference");
        assertEquals(summary.requirements.keySet(), CHECKSUM_REQUIREMENTS);
        Map<String, String> notPassed = summary.requirements.entrySet().stream()
                .filter(e -> !"passed".equals(e.getValue().status))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().status + ": " + e.getValue().firstFailure));
        assertEquals(notPassed, Map.of());
        assertEquals(summary.counts.skipped, 0, "nothing may be skipped against the reference adapter");
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

    @DataProvider
    public Object[][] faultyAdapters() {
        return Catalogue.CHECKSUM.stream().map(c -> new Object[] {c}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "faultyAdapters")
    public void faultyAdapterFailsExactlyWhatItBreaks(Class<? extends FaultyAdapter> adapter) throws Exception {
        assertFailsExactlyWhatItBreaks(adapter, "checksum");
    }

    static void assertFailsExactlyWhatItBreaks(Class<? extends FaultyAdapter> adapter, String suite) throws Exception {
        Set<String> breaks = adapter.getConstructor().newInstance().breaks();
        Summary summary = run(adapter.getName(), suite);
        Set<String> failed = summary.requirements.entrySet().stream()
                .filter(e -> "failed".equals(e.getValue().status))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(failed, new TreeSet<>(breaks), adapter.getSimpleName() + " failed " + describe(summary));
        assertEquals(summary.counts.dutFaults + summary.counts.kitErrors, 0,
                "a conformance bug is a conformance failure, not a fault: " + describe(summary));
    }

    static String describe(Summary summary) {
        return summary.requirements.entrySet().stream().filter(e -> !"passed".equals(e.getValue().status))
                .map(e -> e.getKey() + " " + e.getValue().status + " (" + e.getValue().firstFailure + ")")
                .collect(Collectors.joining("; "));
    }
}
