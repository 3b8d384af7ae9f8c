package org.offloadkit.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.offloadkit.testing.ProjectDir;

/**
 * The fuzz targets and Jazzer's standalone driver over them. A target is a class of this package named
 * {@code ...Fuzz} with {@code public static void fuzzerTestOneInput(byte[])}, and its corpus is
 * {@code src/test/fuzz/<class name>/}: seeds, and every input that ever crashed it. Adding a target is
 * writing that class and its seed folder; the corpus test and the short run pick it up.
 *
 * <pre>mvn -Pfuzz test-compile exec:exec [-Dfuzz.targets=FrameParserFuzz] [-Dfuzz.seconds=600]</pre>
 */
public final class Fuzzing {
    /** libFuzzer's per-input limit: an input that takes longer is a hang. */
    static final int INPUT_TIMEOUT_SECONDS = 10;
    /** The fuzzing JVM's heap; an input that needs more is a finding (Jazzer reports OutOfMemoryError). */
    static final String HEAP = "-Xmx512m";

    private Fuzzing() {}

    /** What one fuzzing run found. */
    public record Outcome(Class<?> target, int exitStatus, List<Path> findings, Path log) {
        public boolean clean() {
            return exitStatus == 0 && findings.isEmpty();
        }
    }

    /** Every target, by class name. */
    public static List<Class<?>> targets() {
        try {
            Path here = Path.of(Fuzzing.class.getResource("").toURI());
            try (Stream<Path> files = Files.list(here)) {
                List<Class<?>> targets = new ArrayList<>();
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Fuzz.class")).sorted().toList()) {
                    String name = file.getFileName().toString();
                    targets.add(Class.forName(Fuzzing.class.getPackageName() + "." + name.substring(0, name.length() - 6)));
                }
                return targets;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the fuzz targets", e);
        }
    }

    public static Path corpus(Class<?> target) {
        return ProjectDir.root().resolve("src/test/fuzz").resolve(target.getSimpleName());
    }

    /**
     * Fuzzes one target for {@code seconds} in a JVM of its own, starting from its corpus. New inputs go to
     * {@code work}/corpus, never into the committed corpus; a finding's input goes to {@code work} as
     * {@code crash-*}, {@code timeout-*} or {@code oom-*}.
     */
    public static Outcome run(Class<?> target, int seconds, Path work) throws IOException, InterruptedException {
        Path generated = Files.createDirectories(work.resolve("corpus"));
        Path log = work.resolve("jazzer.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, HEAP, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + target.getName(),
                "--instrumentation_includes=org.offloadkit.**",
                "--reproducer_path=" + work,
                "-max_total_time=" + seconds,
                "-timeout=" + INPUT_TIMEOUT_SECONDS,
                "-rss_limit_mb=2048",
                "-artifact_prefix=" + work + "/",
                "-print_final_stats=1",
                generated.toString(), corpus(target).toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(target.getSimpleName() + ": Jazzer did not stop after " + seconds + " s; see " + log);
        }
        List<Path> findings;
        try (Stream<Path> files = Files.list(work)) {
            findings = files.filter(f -> f.getFileName().toString().matches("(crash|timeout|oom|slow-unit|leak)-.*"))
                    .sorted(Comparator.naturalOrder()).toList();
        }
        return new Outcome(target, process.exitValue(), findings, log);
    }

    /** {@code Fuzzing [SECONDS [TARGET...]]}: fuzzes each target in turn, 300 s each by default. */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 300;
        List<Class<?>> chosen = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            for (String name : args[i].split(",")) {
                if (!name.isBlank()) {
                    chosen.add(Class.forName(Fuzzing.class.getPackageName() + "." + name.strip()));
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(targets());
        }
        Path root = ProjectDir.root().resolve("target/fuzz");
        boolean clean = true;
        for (Class<?> target : chosen) {
            Path work = root.resolve(target.getSimpleName());
            deleteRecursively(work);
            System.out.printf("%s: fuzzing for %d s (log: %s) ...%n", target.getSimpleName(), seconds, work.resolve("jazzer.log"));
            Outcome outcome = run(target, seconds, Files.createDirectories(work));
            System.out.println(summary(outcome));
            clean &= outcome.clean();
        }
        if (!clean) {
            System.out.println("Copy each finding into src/test/fuzz/<target>/ so the corpus test keeps it fixed.");
        }
        System.exit(clean ? 0 : 1);
    }

    /** One line on an outcome: the executions Jazzer made, or what it found. */
    static String summary(Outcome outcome) throws IOException {
        List<String> log = Files.readAllLines(outcome.log());
        String stats = log.stream().filter(l -> l.startsWith("stat::number_of_executed_units")).findFirst()
                .map(l -> l.replaceAll("\\D+", "") + " inputs").orElse("no statistics");
        if (outcome.clean()) {
            return "  clean: " + stats;
        }
        String cause = log.stream().filter(l -> l.contains("== Java Exception") || l.contains("FuzzerSecurityIssue")
                || l.contains("ERROR: libFuzzer")).findFirst().orElse("exit status " + outcome.exitStatus());
        return "  FOUND: " + cause.strip() + "; input " + outcome.findings() + "; log " + outcome.log();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
