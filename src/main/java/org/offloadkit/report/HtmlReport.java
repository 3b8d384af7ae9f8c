package org.offloadkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** Generates {@code reportDirectory}/index.html; the previous report's history carries over. */
    public static void generate(Path cli, Path resultsDirectory, Path reportDirectory) {
        try {
            Path history = reportDirectory.resolve("history");
            if (Files.isDirectory(history)) {
                Path target = resultsDirectory.resolve("history");
                Files.createDirectories(target);
                try (Stream<Path> files = Files.list(history)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Process process = new ProcessBuilder(List.of(cli.toString(), "generate", "--clean",
                    resultsDirectory.toString(), "-o", reportDirectory.toString()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("allure generate failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the report", e);
        }
    }
}
