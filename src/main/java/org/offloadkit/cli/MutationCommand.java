package org.offloadkit.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.offloadkit.mutation.Catalogue;
import org.offloadkit.mutation.MutationReport;
import org.offloadkit.mutation.MutationRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mutation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The mutation score: run the suites against the reference adapter and against every mutant of the catalogue "
                + "(a reference adapter with one realistic bug), print which requirements caught which mutant, and the score.",
                "",
                "Equivalent mutants (choices the spec allows) must pass. Writes under --out: mutation.json, and per run NAME/summary.json "
                        + "and NAME/allure-results/. A mutant's full report: offloadkit run --dut mutant:NAME."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every mutant caught, the reference adapter and every equivalent mutant clean",
                "1:a mutant survived, or the reference adapter or an equivalent mutant failed something",
                "2:usage or set-up error", "3:the kit itself broke (kit error)"})
final class MutationCommand implements Callable<Integer> {

    @Option(names = "--suite", paramLabel = "NAME",
            description = "Run this suite (such as full) against every mutant; repeatable (default: each mutant runs the suites of the requirements it breaks).")
    List<String> suites = new ArrayList<>();

    @Option(names = "--mutant", paramLabel = "NAME", description = "Run only this mutant; repeatable (default: the whole catalogue).")
    List<String> mutants = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/offloadkit/mutation",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--timeout", paramLabel = "MS",
            description = "How long to wait for any one answer from an adapter, in milliseconds (default: 2000).")
    Long timeoutMillis;

    @Option(names = "--list", description = "List the catalogue and exit.")
    boolean list;

    @Override
    public Integer call() {
        if (list) {
            for (Catalogue.Entry e : Catalogue.ENTRIES) {
                System.out.printf("  %-26s %-40s %s%n", e.area(), e.name(), e.equivalent() ? "equivalent: must pass"
                        : e.failsToStart() ? "stopped by the verifier at start (" + String.join(", ", e.breaks()) + ")"
                        : "breaks " + String.join(", ", e.breaks()));
            }
            return OffloadKit.OK;
        }
        Duration timeout = RunCommand.readyToRun(timeoutMillis, suites);
        List<Catalogue.Entry> entries = mutants.isEmpty() ? Catalogue.ENTRIES : mutants.stream().map(name -> Catalogue.byName(name)
                .orElseThrow(() -> new SetupException("no mutant named '" + name + "'; 'offloadkit mutation --list' names them"))).toList();
        MutationReport report = MutationRun.execute(new MutationRun.Config(entries, suites, out, timeout), System.out);
        if (report.kitErrors()) {
            return OffloadKit.KIT_ERROR;
        }
        return report.passed() ? OffloadKit.OK : OffloadKit.FAILED;
    }
}
