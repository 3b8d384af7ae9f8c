package org.offloadkit.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.RunConfig;
import org.offloadkit.conformance.Shard;
import org.offloadkit.conformance.Suites;
import org.offloadkit.dut.UnknownDutException;
import org.offloadkit.framework.FrameworkProfile;
import org.offloadkit.pcap.Libpcap;
import org.offloadkit.report.HtmlReport;
import org.offloadkit.report.Summary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run conformance suites against an adapter and write the Allure results, the HTML report and summary.json.",
                "",
                "Writes under --out: allure-results/, report/index.html, summary.json."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing failed", "1:a requirement failed (conformance failure or DUT fault)",
                "2:usage or set-up error", "3:the kit itself broke (kit error)"})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--suite", paramLabel = "NAME", defaultValue = "full",
            description = "A suite of the kit (such as checksum or full) or a suite XML file; repeatable (default: ${DEFAULT-VALUE}).")
    List<String> suites;

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--framework-profile", paramLabel = "NAME", defaultValue = "documented",
            description = "How the framework model behaves where Microsoft's documents and the NetAdapterCx 2100 code part:"
                    + " documented or netadaptercx-2100 (default: ${DEFAULT-VALUE}; docs/framework.md lists the differences).")
    String frameworkProfile;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run the K-th of N parts of the suites' test methods (dealt out in turn by class and method name), "
                    + "for N parallel CI jobs; 'offloadkit merge' joins their output folders into one report.")
    String shard;

    @Mixin
    AdapterClassPath classPath = new AdapterClassPath();

    @Mixin
    KeywordFiles keywordFiles = new KeywordFiles();

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Duration timeout = readyToRun(options.timeoutMillis, suites);
        Shard part;
        try {
            part = shard == null ? null : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new SetupException("--shard: " + e.getMessage());
        }
        FrameworkProfile profile = FrameworkProfile.named(frameworkProfile).orElseThrow(() -> new SetupException(
                "--framework-profile must be one of " + List.of(FrameworkProfile.values()) + ", got '" + frameworkProfile + "'"));
        RunConfig config = new RunConfig(options.dut, classPath.loader(), suites, options.out, timeout, keywordFiles.keywords(), profile, part);
        Summary summary;
        try {
            summary = ConformanceRun.execute(config, System.out);
        } catch (UnknownDutException e) {
            throw new SetupException(e.getMessage());
        }
        printSummary(summary, options.out);
        if (!options.noReport) {
            long reportStarted = System.nanoTime();
            report(options.out, options.dut);
            summary.reportSeconds = (System.nanoTime() - reportStarted) / 1e9;
        }
        summary.wallSeconds = (System.nanoTime() - started) / 1e9;
        summary.write(config.summaryFile());
        System.out.printf("Wall time: %.1f s (suites %.1f s, report %.1f s)%n",
                summary.wallSeconds, summary.suiteSeconds, summary.reportSeconds);
        return exitStatus(summary);
    }

    /**
     * What any run needs before it starts: libpcap, a positive --timeout, suites that exist. Returns the
     * timeout, null for the adapters' own.
     */
    static Duration readyToRun(Long timeoutMillis, List<String> suites) {
        Libpcap.problem().ifPresent(problem -> {
            throw new SetupException(problem);
        });
        Duration timeout = RunOptions.timeout(timeoutMillis);
        for (String suite : suites) {
            try {
                Suites.load(suite);
            } catch (Suites.UnknownSuiteException e) {
                throw new SetupException(e.getMessage());
            }
        }
        return timeout;
    }

    /** What a run's or a merge's summary makes of the exit status. */
    static int exitStatus(Summary summary) {
        if (summary.counts.kitErrors > 0) {
            return OffloadKit.KIT_ERROR;
        }
        return summary.anyFailed() ? OffloadKit.FAILED : OffloadKit.OK;
    }

    static void printSummary(Summary summary, Path out) {
        Summary.Counts c = summary.counts;
        System.out.printf("%n%d results: %d passed, %d failed, %d DUT faults, %d kit errors, %d skipped%n",
                c.total(), c.passed, c.failed, c.dutFaults, c.kitErrors, c.skipped);
        for (Map.Entry<String, Summary.RequirementResult> e : summary.requirements.entrySet()) {
            String failure = e.getValue().firstFailure;
            if ("failed".equals(e.getValue().status)) {
                System.out.println("  FAILED " + (failure.startsWith(e.getKey()) ? failure : e.getKey() + " · " + failure));
            }
        }
        System.out.println("Framework behaviour: " + summary.frameworkProfile);
        if (summary.softwareFallback != null) {
            System.out.println("Software fallback: " + summary.softwareFallback);
        }
        System.out.println("Summary: " + out.resolve("summary.json"));
    }

    /** The HTML report of {@code out}/allure-results, in {@code out}/report. */
    static void report(Path out, String dut) {
        Path results = out.resolve("allure-results");
        Optional<Path> cli = HtmlReport.findCli();
        if (cli.isEmpty()) {
            System.out.println("HTML report not generated: the Allure command line was not found (it is unpacked by "
                    + "'mvn package' into target/allure-cli; the ./offloadkit launcher does this). Results: " + results);
            return;
        }
        Path report = out.resolve("report");
        HtmlReport.generate(cli.get(), results, report, ConformanceRun.reportName(dut));
        System.out.println("Report:  " + report.resolve("index.html"));
    }
}
