package org.offloadkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.offloadkit.report.Folders;

/**
 * Folders the project's tests run the kit into, deleted when the test JVM exits: left behind, one
 * {@code ./selftest} would leave some 350 MB of runs and reports in the temporary directory. With
 * {@code -Doffloadkit.keepScratch=true} they stay, to look into a failed test's report.
 */
public final class Scratch {
    private static final boolean KEEP = Boolean.getBoolean("offloadkit.keepScratch");
    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

    static {
        if (!KEEP) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(Scratch::deleteQuietly), "scratch-cleanup"));
        }
    }

    private Scratch() {}

    /** A new empty folder in the temporary directory, its name starting with {@code prefix}. */
    public static Path directory(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        CREATED.add(directory);
        return directory;
    }

    private static void deleteQuietly(Path directory) {
        try {
            Folders.deleteRecursively(directory);
        } catch (UncheckedIOException e) {
            // a process the test started may still be writing there as the JVM exits: what is left stays
            System.err.println("offloadkit tests: left " + directory + " (" + e.getMessage() + ")");
        }
    }
}
