package org.offloadkit.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.keywords.Finding;
import org.offloadkit.framework.keywords.KeywordReport;

import picocli.CommandLine.Option;

/** {@code --inf} and {@code --registry}: the adapter's keyword definitions and values. */
final class KeywordFiles {
    @Option(names = "--inf", paramLabel = "FILE", description = "The adapter's INF: its Ndi\\Params keyword definitions.")
    Path inf;

    @Option(names = "--registry", paramLabel = "FILE",
            description = "Registry values of the adapter's instance key: a .reg export, or YAML (\"*Keyword\": \"1\" for REG_SZ, 1 for REG_DWORD).")
    Path registry;

    /** The keywords from --inf and --registry; a file that cannot be read as written stops the run. */
    Keywords keywords() {
        if (!given()) {
            return Keywords.standardDefaults();
        }
        KeywordReport report = read();
        if (report.count(Finding.Severity.ERROR) > 0) {
            report.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).forEach(System.err::println);
            throw new SetupException("the keyword files cannot be read as written (see above); 'offloadkit inf-check' shows every finding");
        }
        long deviations = report.count(Finding.Severity.DEVIATION);
        if (deviations > 0) {
            System.out.println("Keywords: " + deviations + " deviations from the standardized keywords ('offloadkit inf-check' lists them)");
        }
        return report.keywords();
    }

    boolean given() {
        return inf != null || registry != null;
    }

    KeywordReport read() {
        return KeywordReport.read(name(inf), inf == null ? null : text(inf), name(registry), registry == null ? null : bytes(registry));
    }

    private static String name(Path file) {
        return file == null ? null : file.toString();
    }

    private static String text(Path file) {
        byte[] content = bytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (MalformedInputException | java.nio.charset.UnmappableCharacterException e) {
            // INFs are often UTF-16 with a byte order mark, or in a Windows code page.
            if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
                return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
            }
            return new String(content, StandardCharsets.ISO_8859_1);
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(content, StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SetupException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
