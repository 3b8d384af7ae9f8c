package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.offloadkit.framework.FrameworkProfile;
import org.offloadkit.mutation.Mutant;
import org.offloadkit.report.Summary;
import org.offloadkit.testing.Scratch;

/** A suite run against an adapter, as the detection tests make and read them. */
final class SuiteRuns {
    private SuiteRuns() {}

    static Summary run(String dut, String suite) throws IOException {
        return run(dut, List.of(suite), FrameworkProfile.DOCUMENTED);
    }

    static Summary run(String dut, List<String> suites, FrameworkProfile profile) throws IOException {
        return run(dut, suites, profile, Scratch.directory("offloadkit-run-"));
    }

    static Summary run(String dut, String suite, Path out) {
        return run(dut, List.of(suite), FrameworkProfile.DOCUMENTED, out);
    }

    private static Summary run(String dut, List<String> suites, FrameworkProfile profile, Path out) {
        PrintStream console = new PrintStream(new ByteArrayOutputStream());
        return ConformanceRun.execute(RunConfig.of(dut, suites, out).withProfile(profile), console);
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

    /** Runs one suite against a mutant: it fails exactly these requirements, as failures. */
    static Summary assertFailsExactly(Class<? extends Mutant> adapter, String suite, Set<String> breaks) throws Exception {
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
