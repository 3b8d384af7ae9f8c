package org.offloadkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders allure-results into the HTML report with the Allure command line, keeping the history of
 * earlier runs in the same output folder so the report shows trends.
 */
public final class HtmlReport {
    /** Where the launcher or Maven says the Allure command line is. */
    public static final String CLI_PROPERTY = "offloadkit.allure.cli";
    private static final String QUICK_JVM = "-XX:TieredStopAtLevel=1";

    private HtmlReport() {}

    /** The Allure command line: the system property, or the one Maven unpacks beside the kit's jar. */
    public static Optional<Path> findCli() {
        String configured = System.getProperty(CLI_PROPERTY);
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        try {
            Path jar = Path.of(HtmlReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path unpacked = jar.getParent().resolve("allure-cli");
            if (Files.isDirectory(unpacked)) {
                try (Stream<Path> dirs = Files.list(unpacked)) {
                    return dirs.map(d -> d.resolve("bin/allure")).filter(Files::isExecutable).findFirst();
                }
            }
        } catch (Exception notFound) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Generates {@code reportDirectory}/index.html as one self-contained file, which opens from disk in any
     * browser (the usual multi-file report only loads over HTTP). The trend carries over through
     * {@code reportDirectory}/history, which a second, multi-file pass produces for the next run.
     */
    public static void generate(Path cli, Path resultsDirectory, Path reportDirectory, String reportName) {
        try {
            Folders.copyFiles(reportDirectory.resolve("history"), resultsDirectory.resolve("history"));
            Path historyPass = Files.createTempDirectory("offloadkit-report-");
            try {
                allure(cli, "generate", "--clean", resultsDirectory.toString(), "-o", historyPass.toString());
                allure(cli, "generate", "--clean", "--single-file", "--name", reportName,
                        resultsDirectory.toString(), "-o", reportDirectory.toString());
                Folders.copyFiles(historyPass.resolve("history"), reportDirectory.resolve("history"));
            } finally {
                Folders.deleteRecursively(historyPass);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void allure(Path cli, String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(cli.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // A report is a few seconds of work: the optimizing compiler's threads cost more CPU than they
        // win back, about half the CPU time on two cores (ALLURE_OPTS of the user's still come after).
        builder.environment().merge("ALLURE_OPTS", QUICK_JVM, (users, quick) -> quick + " " + users);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("allure " + arguments[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the report", e);
        }
    }
}
