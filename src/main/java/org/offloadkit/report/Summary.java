package org.offloadkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * summary.json: the DUT, the counts, and each requirement with its verdict. A requirement failed when any
 * of its results failed or broke, passed when at least one passed and none failed, skipped otherwise.
 */
public final class Summary {

    /** Counts of results by outcome. */
    public static final class Counts {
        public int passed;
        public int failed;
        public int dutFaults;
        public int kitErrors;
        public int skipped;

        public void add(Outcome outcome) {
            switch (outcome) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case DUT_FAULT -> dutFaults++;
                case KIT_ERROR -> kitErrors++;
                case SKIPPED -> skipped++;
            }
        }

        public int total() {
            return passed + failed + dutFaults + kitErrors + skipped;
        }

        /** Results that are neither passed nor skipped. */
        public int bad() {
            return failed + dutFaults + kitErrors;
        }
    }

    /** A result's outcome; the three bad ones are the report's failure categories. */
    public enum Outcome { PASSED, FAILED, DUT_FAULT, KIT_ERROR, SKIPPED }

    /** One requirement's results. */
    public static final class RequirementResult {
        public String title;
        public String status;
        public final Counts results = new Counts();
        public String firstFailure;
        public String skipReason;
    }

    public String dut;
    public String advertised;
    public String startFault;
    public long corpusSeed;
    public double wallSeconds;
    public final Counts counts = new Counts();
    public final Map<String, RequirementResult> requirements = new TreeMap<>();
    /** What else the run has to say, such as how replay used each capture's packets. */
    public final Map<String, String> notes = new TreeMap<>();

    public synchronized void record(String requirement, String title, Outcome outcome, String message) {
        counts.add(outcome);
        RequirementResult r = requirements.computeIfAbsent(requirement, id -> new RequirementResult());
        r.title = title;
        r.results.add(outcome);
        if (r.firstFailure == null && outcome != Outcome.PASSED && outcome != Outcome.SKIPPED) {
            r.firstFailure = message;
        }
        if (r.skipReason == null && outcome == Outcome.SKIPPED) {
            r.skipReason = message;
        }
        r.status = r.results.bad() > 0 ? "failed" : r.results.passed > 0 ? "passed" : "skipped";
    }

    public boolean anyFailed() {
        return counts.bad() > 0;
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Summary read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), Summary.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
