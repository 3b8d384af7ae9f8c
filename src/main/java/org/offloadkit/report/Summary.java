package org.offloadkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

        void addAll(Counts other) {
            passed += other.passed;
            failed += other.failed;
            dutFaults += other.dutFaults;
            kitErrors += other.kitErrors;
            skipped += other.skipped;
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
    public String frameworkProfile;
    /** The part of the suites this run took, {@code K/N}, or null for all of them. */
    public String shard;
    public String advertised;
    public String startFault;
    /** Why the run stopped before its end (a signal), or null for a run that finished. */
    public String interrupted;
    public long corpusSeed;
    /** What the framework did in software during the run (spec 5.8 and 5.9). */
    public Map<String, Long> softwareFallback;
    /** The report's environment, written again at the end with the fallback counts. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, String> environment;
    /** The whole command, from its start until the report is written; the two parts follow. */
    public double wallSeconds;
    public double suiteSeconds;
    public double reportSeconds;
    /** What the DUT told of itself (DeviceUnderTest.details); empty for most. */
    public Map<String, String> dutDetails = new TreeMap<>();
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
        r.status = statusOf(r.results);
    }

    private static String statusOf(Counts results) {
        return results.bad() > 0 ? "failed" : results.passed > 0 ? "passed" : "skipped";
    }

    /**
     * The shards' summaries as the one run they split: counts added, each requirement judged over all its
     * results, the first failure and skip reason in shard order, the wall time of the slowest shard.
     */
    public static Summary merge(List<Summary> shards) {
        Summary merged = new Summary();
        Summary first = shards.get(0);
        merged.dut = first.dut;
        merged.advertised = first.advertised;
        merged.corpusSeed = first.corpusSeed;
        for (Summary shard : shards) {
            merged.startFault = merged.startFault != null ? merged.startFault : shard.startFault;
            merged.wallSeconds = Math.max(merged.wallSeconds, shard.wallSeconds);
            merged.counts.addAll(shard.counts);
            shard.requirements.forEach((id, r) -> {
                RequirementResult m = merged.requirements.computeIfAbsent(id, k -> new RequirementResult());
                m.title = r.title;
                m.results.addAll(r.results);
                m.firstFailure = m.firstFailure != null ? m.firstFailure : r.firstFailure;
                m.skipReason = m.skipReason != null ? m.skipReason : r.skipReason;
                m.status = statusOf(m.results);
            });
        }
        return merged;
    }

    public boolean anyFailed() {
        return counts.bad() > 0;
    }

    public synchronized void write(Path file) {
        writeJson(file, this);
    }

    /** Any of the kit's JSON files: indented, its folder made if need be. */
    public static void writeJson(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), value);
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
