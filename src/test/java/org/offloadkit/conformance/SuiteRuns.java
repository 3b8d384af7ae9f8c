package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;

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

import org.offloadkit.faulty.FaultyAdapter;
import org.offloadkit.report.Summary;

/** A suite run against an adapter, as the detection tests make and read them. */
final class SuiteRuns {
    private SuiteRuns() {}

    static Summary run(String dut, String suite) throws IOException {
        return run(dut, suite, Files.createTempDirectory("offloadkit-run-"));
    }

    static Summary run(String dut, String suite, Path out) {
        PrintStream console = new PrintStream(new ByteArrayOutputStream());
        return ConformanceRun.execute(RunConfig.of(dut, List.of(suite), out), console);
    }

    static Set<String> withStatus(Summary summary, String status) {
        return summary.requirements.entrySet().stream().filter(e -> status.equals(e.getValue().status))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every requirement of the suite is there and passed, and nothing was skipped. */
    static void assertPassesEverything(Summary summary, Set<String> requirements) {
        assertEquals(summary.requirements.keySet(), requirements);
        assertEquals(withStatus(summary, "passed"), new TreeSet<>(requirements), describe(summary));
        assertEquals(summary.counts.skipped, 0, "nothing may be skipped against the reference adapter");
    }

    /** Runs the suite against the faulty adapter: it fails exactly the requirements its bug breaks, as failures. */
    static Summary assertFailsExactlyWhatItBreaks(Class<? extends FaultyAdapter> adapter, String suite) throws Exception {
        Set<String> breaks = adapter.getConstructor().newInstance().breaks();
        Summary summary = run(adapter.getName(), suite);
        assertEquals(withStatus(summary, "failed"), new TreeSet<>(breaks), adapter.getSimpleName() + " failed " + describe(summary));
        assertEquals(summary.counts.dutFaults + summary.counts.kitErrors, 0,
                "a conformance bug is a conformance failure, not a fault: " + describe(summary));
        return summary;
    }

    static String describe(Summary summary) {
        return summary.requirements.entrySet().stream().filter(e -> !"passed".equals(e.getValue().status))
                .map(e -> e.getKey() + " " + e.getValue().status + " (" + e.getValue().firstFailure + ")")
                .collect(Collectors.joining("; "));
    }
}
