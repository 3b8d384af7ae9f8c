package org.offloadkit.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.offloadkit.conformance.Shard;
import org.offloadkit.report.Folders;
import org.offloadkit.report.Summary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join the output folders of the shards of one run ('offloadkit run --shard K/N') into one: their allure-results, "
                + "one summary.json and one HTML report, whose history carries on in --out as a run's does.",
                "",
                "Every shard 1..N of the same DUT must be there."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing failed in any shard", "1:a requirement failed (conformance failure or DUT fault)",
                "2:usage or set-up error (such as a missing shard)", "3:the kit itself broke (kit error)"})
final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "The shards' --out folders, each with summary.json and allure-results/.")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/offloadkit",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-report", description = "Skip the HTML report; allure-results/ and summary.json are still written.")
    boolean noReport;

    private record Part(Path dir, Summary summary, Shard shard) {}

    @Override
    public Integer call() {
        List<Part> parts = new ArrayList<>();
        for (Path dir : shards) {
            parts.add(read(dir));
        }
        check(parts);
        parts.sort(Comparator.comparingInt(p -> p.shard().index()));
        Path results = out.resolve("allure-results");
        Folders.deleteRecursively(results);
        for (Part part : parts) {
            Folders.copyFiles(part.dir().resolve("allure-results"), results);
        }
        Summary merged = Summary.merge(parts.stream().map(Part::summary).toList());
        merged.write(out.resolve("summary.json"));
        System.out.println("Merged " + parts.size() + " shards of the run against " + merged.dut);
        RunCommand.printSummary(merged, out);
        if (!noReport) {
            RunCommand.report(out, merged.dut);
        }
        return RunCommand.exitStatus(merged);
    }

    private static Part read(Path dir) {
        Path file = dir.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            throw new SetupException(dir + " has no summary.json: give the --out folders of 'offloadkit run --shard K/N'");
        }
        Summary summary;
        try {
            summary = Summary.read(file);
        } catch (UncheckedIOException e) {
            throw new SetupException("cannot read " + file + ": " + e.getCause().getMessage());
        }
        if (summary.shard == null) {
            throw new SetupException(dir + " is a whole run, not a shard of one (it ran without --shard)");
        }
        return new Part(dir, summary, Shard.parse(summary.shard));
    }

    /** The parts are the shards 1..N of one run, each once. */
    private static void check(List<Part> parts) {
        TreeSet<String> duts = parts.stream().map(p -> p.summary().dut).collect(Collectors.toCollection(TreeSet::new));
        if (duts.size() > 1) {
            throw new SetupException("the shards ran against different DUTs: " + duts);
        }
        int count = parts.get(0).shard().count();
        if (parts.stream().anyMatch(p -> p.shard().count() != count)) {
            throw new SetupException("the shards split the run differently: "
                    + parts.stream().map(p -> p.shard().toString()).collect(Collectors.joining(", ")));
        }
        TreeSet<Integer> seen = new TreeSet<>();
        for (Part p : parts) {
            if (!seen.add(p.shard().index())) {
                throw new SetupException("shard " + p.shard() + " is given twice");
            }
        }
        List<String> missing = IntStream.rangeClosed(1, count).filter(k -> !seen.contains(k)).mapToObj(k -> k + "/" + count).toList();
        if (!missing.isEmpty()) {
            throw new SetupException("shard " + String.join(", ", missing) + " is missing: every shard of the run must be merged");
        }
    }
}
