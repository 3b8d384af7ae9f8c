package org.offloadkit.framework.keywords;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.offloadkit.testing.ProjectDir;

/** The keyword fixtures of fixtures/inf and fixtures/registry. */
final class Fixtures {
    private Fixtures() {}

    static Path path(String relative) {
        return ProjectDir.root().resolve("fixtures").resolve(relative);
    }

    static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeywordReport inf(String name) {
        return KeywordReport.read(name, text("inf/" + name), null, null);
    }

    /** "line severity keyword" for each finding, to compare with a hand-written list. */
    static List<String> brief(List<Finding> findings) {
        return findings.stream().map(f -> f.line() + " " + f.severity() + " " + f.keyword()).toList();
    }
}
