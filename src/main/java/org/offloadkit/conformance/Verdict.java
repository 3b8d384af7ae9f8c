package org.offloadkit.conformance;

import java.util.List;
import java.util.Set;

import org.offloadkit.packet.FrameDiff;
import org.offloadkit.report.Evidence;

/** How a conformance check fails: a message that names the requirement and the field, with evidence attached. */
public final class Verdict {
    private Verdict() {}

    /** An assertion failure for {@code requirement}; {@code evidence} attaches what a person needs to see it. */
    public static AssertionError failure(String requirement, String message, Runnable evidence) {
        evidence.run();
        return new AssertionError(requirement + " · " + message);
    }

    /**
     * Fails {@code requirement} at the first field where {@code actual} differs from {@code expected},
     * ignoring the fields in {@code ignored}, with input, expected and actual frames and the decoded diff.
     */
    public static void sameFrame(String requirement, String vector, String rule, byte[] input, byte[] expected,
                                 byte[] actual, Set<String> ignored) {
        FrameDiff.first(expected, actual, ignored).ifPresent(difference -> {
            throw failure(requirement, vector + ": " + difference + ". " + rule,
                    () -> attachFrames(input, expected, actual, requirement + " " + vector + "\nfirst difference: "
                            + difference + (ignored.isEmpty() ? "" : "\nnot judged here: " + fieldList(ignored))));
        });
    }

    /** Field names in the same order in every run (a {@code Set.of}'s order changes from JVM to JVM). */
    public static String fieldList(Set<String> fields) {
        return new java.util.TreeSet<>(fields).toString();
    }

    public static void attachFrames(byte[] input, byte[] expected, byte[] actual, String heading) {
        attachFrames(input, List.of(expected), List.of(actual), heading, FrameDiff.table(expected, actual));
    }

    /** A packet that became several frames (a large send's segments), with the decoded diff of the one in question. */
    public static void attachFrames(byte[] input, List<byte[]> expected, List<byte[]> actual, String heading, String table) {
        Evidence.frames("input", List.of(input));
        Evidence.frames("expected", expected);
        Evidence.frames("actual", actual);
        Evidence.text("diff", heading + "\n\n" + table);
    }

    public static void attachInput(byte[] input) {
        Evidence.frames("input", List.of(input));
    }
}
