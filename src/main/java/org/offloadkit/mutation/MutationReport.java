package org.offloadkit.mutation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.offloadkit.report.Summary;

/** mutation.json: the reference adapter's run, each mutant's, which requirements caught it, and the score. */
public final class MutationReport {

    /** One adapter's run. */
    public static final class Outcome {
        public String name;
        public String area;
        public List<String> suites;
        /** The requirements its bug breaks; empty for the reference and the equivalent mutants. */
        public Set<String> expected;
        public boolean expectedStartFault;
        /** The requirements that failed. */
        public Set<String> caughtBy;
        public String startFault;
        public int results;
        public int failed;
        public int dutFaults;
        public int kitErrors;
        public double seconds;

        static Outcome of(String name, String area, Set<String> expected, boolean expectedStartFault, List<String> suites, Summary summary) {
            Outcome o = new Outcome();
            o.name = name;
            o.area = area;
            o.suites = suites;
            o.expected = new TreeSet<>(expected);
            o.expectedStartFault = expectedStartFault;
            o.caughtBy = new TreeSet<>();
            summary.requirements.forEach((id, r) -> {
                if ("failed".equals(r.status)) {
                    o.caughtBy.add(id);
                }
            });
            o.startFault = summary.startFault;
            o.results = summary.counts.total();
            o.failed = summary.counts.failed;
            o.dutFaults = summary.counts.dutFaults;
            o.kitErrors = summary.counts.kitErrors;
            o.seconds = summary.wallSeconds;
            return o;
        }

        boolean equivalent() {
            return expected.isEmpty();
        }

        /** No result failed, as the reference and an equivalent mutant must be. */
        boolean clean() {
            return failed + dutFaults + kitErrors == 0;
        }

        /** Some requirement failed it, not through a kit error. */
        boolean caught() {
            return failed + dutFaults > 0;
        }

        /** Caught by exactly the requirements its bug breaks (or stopped at start, for a mutant the verifier stops). */
        boolean asExpected() {
            return expectedStartFault ? startFault != null : caughtBy.equals(expected);
        }

        String verdict() {
            if (equivalent()) {
                return clean() ? "clean, as an equivalent mutant must be" : "FAILED " + caughtBy + " though it breaks nothing: too strict";
            }
            if (!caught()) {
                return "SURVIVED (should fail " + expected + ")";
            }
            String by = startFault != null ? "did not start: " + startFault : "caught by " + String.join(", ", caughtBy);
            return by + (asExpected() ? "" : " (expected " + expected + ")");
        }
    }

    public String suites;
    public Outcome reference;
    public final List<Outcome> mutants = new ArrayList<>();
    public final List<Outcome> equivalents = new ArrayList<>();
    public int caught;
    public int total;
    public double wallSeconds;

    void add(Outcome o) {
        if (o.equivalent()) {
            equivalents.add(o);
            return;
        }
        mutants.add(o);
        total++;
        if (o.caught()) {
            caught++;
        }
    }

    List<Outcome> survivors() {
        return mutants.stream().filter(o -> !o.caught()).toList();
    }

    List<Outcome> equivalentsFailed() {
        return equivalents.stream().filter(o -> !o.clean()).toList();
    }

    /** Every mutant caught, the reference adapter and every equivalent mutant clean. */
    public boolean passed() {
        return reference.clean() && caught == total && equivalentsFailed().isEmpty();
    }

    /** The kit itself broke in some run. */
    public boolean kitErrors() {
        return Stream.concat(Stream.of(reference), Stream.concat(mutants.stream(), equivalents.stream())).anyMatch(o -> o.kitErrors > 0);
    }

    String scoreLine() {
        return String.format("Mutation score: %d/%d caught (%.0f%%); reference adapter %s; equivalent mutants %d/%d clean",
                caught, total, total == 0 ? 100.0 : 100.0 * caught / total, reference.clean() ? "clean" : "NOT CLEAN",
                equivalents.size() - equivalentsFailed().size(), equivalents.size());
    }

    public void write(Path file) {
        Summary.writeJson(file, this);
    }
}
