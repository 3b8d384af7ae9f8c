package org.offloadkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.RunConfig;
import org.offloadkit.conformance.Suites;
import org.offloadkit.dut.UnknownDutException;
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

    @Mixin
    AdapterClassPath classPath = new AdapterClassPath();

    @Mixin
    KeywordFiles keywordFiles = new KeywordFiles();

    @Override
    public Integer call() {
        Libpcap.problem().ifPresent(problem -> {
            throw new SetupException(problem);
        });
        for (String suite : suites) {
            try {
                Suites.load(suite);
            } catch (Suites.UnknownSuiteException e) {
                throw new SetupException(e.getMessage());
            }
        }
        RunConfig config = new RunConfig(options.dut, classPath.loader(), suites, options.out, options.timeout(), keywordFiles.keywords());
        Summary summary;
        try {
            summary = ConformanceRun.execute(config, System.out);
        } catch (UnknownDutException e) {
            throw new SetupException(e.getMessage());
        }
        printSummary(summary, options.out);
        if (!options.noReport) {
            report(config, options.out, options.dut);
        }
        return exitStatus(summary);
    }

    /** 3 when the kit broke, 1 when a requirement failed, 0 otherwise. */
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
        System.out.printf("Wall time: %.1f s%n", summary.wallSeconds);
        System.out.println("Summary: " + out.resolve("summary.json"));
    }

    static void report(RunConfig config, Path out, String dut) {
        Optional<Path> cli = HtmlReport.findCli();
        if (cli.isEmpty()) {
            System.out.println("HTML report not generated: the Allure command line was not found (it is unpacked by "
                    + "'mvn package' into target/allure-cli; the ./offloadkit launcher does this). Results: " + config.results());
            return;
        }
        Path report = out.resolve("report");
        HtmlReport.generate(cli.get(), config.results(), report, ConformanceRun.reportName(dut));
        System.out.println("Report:  " + report.resolve("index.html"));
    }
}
