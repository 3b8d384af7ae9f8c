package org.offloadkit.mutation;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.RunConfig;
import org.offloadkit.framework.FrameworkProfile;
import org.offloadkit.framework.Keywords;
import org.offloadkit.report.Summary;

/**
 * The mutation score: the suites against the reference adapter, which must be clean, then against every
 * mutant of the catalogue, each of which must be caught, all in this JVM over the corpus loaded once. Each
 * mutant runs the suites that judge what it breaks unless {@link Config#suites} names suites for all.
 */
public final class MutationRun {
    private MutationRun() {}

    /**
     * @param entries the catalogue entries to run
     * @param suites  suites to run against every entry; empty for each entry's own
     * @param out     where each run's folder and mutation.json go
     * @param timeout how long to wait for any one answer; null for the adapters' default
     */
    public record Config(List<Catalogue.Entry> entries, List<String> suites, Path out, Duration timeout) {
        public List<String> suitesOf(Catalogue.Entry entry) {
            return suites.isEmpty() ? entry.suites() : suites;
        }

        /** What the reference adapter runs: every suite any entry runs. */
        public List<String> referenceSuites() {
            Set<String> all = new LinkedHashSet<>();
            entries.forEach(e -> all.addAll(suitesOf(e)));
            return all.contains("full") ? List.of("full") : List.copyOf(all);
        }
    }

    public static MutationReport execute(Config config, PrintStream console) {
        long started = System.nanoTime();
        console.println("Mutation score: " + strategy(config));
        MutationReport report = new MutationReport();
        report.suites = config.suites().isEmpty() ? "each mutant: the suites of the requirements it breaks" : String.join(",", config.suites());
        Summary reference = run("reference", config.referenceSuites(), config.out().resolve("reference"), config);
        report.reference = MutationReport.Outcome.of("reference", "reference", Set.of(), false, config.referenceSuites(), reference);
        console.printf("  %-8s %-26s %-42s %s (%.1f s)%n", "", "reference adapter", String.join(",", config.referenceSuites()),
                report.reference.clean() ? "clean: " + reference.counts.passed + " passed" : "NOT CLEAN: failed " + report.reference.caughtBy,
                reference.wallSeconds);
        int n = config.entries().size();
        for (int i = 0; i < n; i++) {
            Catalogue.Entry entry = config.entries().get(i);
            List<String> suites = config.suitesOf(entry);
            Summary summary = run(Catalogue.DUT_PREFIX + entry.name(), suites, config.out().resolve(entry.name()), config);
            MutationReport.Outcome outcome = MutationReport.Outcome.of(entry.name(), entry.area().toString(), entry.breaks(),
                    entry.failsToStart(), suites, summary);
            report.add(outcome);
            console.printf("  [%2d/%d] %-26s %-42s %s (%.1f s)%n", i + 1, n, entry.area(), entry.name(), outcome.verdict(), summary.wallSeconds);
            console.flush();
        }
        report.wallSeconds = (System.nanoTime() - started) / 1e9;
        report.write(config.out().resolve("mutation.json"));
        console.println();
        console.println(report.scoreLine());
        report.survivors().forEach(s -> console.println("  SURVIVED " + s.name + " (" + s.area + "): it should fail " + s.expected));
        report.equivalentsFailed().forEach(s -> console.println("  TOO STRICT: the equivalent mutant " + s.name + " failed " + s.caughtBy));
        console.printf("Wall time: %.1f s%n", report.wallSeconds);
        console.println("Results: " + config.out().resolve("mutation.json") + "; each run's allure-results and summary.json in "
                + config.out().resolve("NAME"));
        return report;
    }

    private static String strategy(Config config) {
        long mutants = config.entries().stream().filter(e -> !e.equivalent()).count();
        String which = config.suites().isEmpty()
                ? "each runs only the suites of the requirements it breaks (--suite full runs every suite against every one)"
                : "each runs " + String.join(", ", config.suites());
        return mutants + " mutants and " + (config.entries().size() - mutants) + " equivalent ones (spec-allowed choices that must pass), "
                + which + "; one JVM, the corpus loaded once";
    }

    private static Summary run(String dut, List<String> suites, Path out, Config config) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return ConformanceRun.execute(new RunConfig(dut, MutationRun.class.getClassLoader(), suites, out, config.timeout(),
                Keywords.standardDefaults(), FrameworkProfile.DOCUMENTED, null), quiet);
    }
}
