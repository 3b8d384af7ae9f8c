package org.offloadkit.conformance;

import static org.offloadkit.conformance.SuiteRuns.describe;
import static org.offloadkit.conformance.SuiteRuns.run;
import static org.offloadkit.conformance.SuiteRuns.withStatus;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.offloadkit.mutation.LsoOnly;
import org.offloadkit.mutation.UsoWithoutShortLastDatagram;
import org.offloadkit.report.Summary;
import org.testng.annotations.Test;

/**
 * The segmentation suite against correct adapters: the reference adapter passes every requirement, and what
 * an adapter does not advertise is skipped with the reason. The broken ones are the mutation catalogue's
 * ({@code MutationScoreTest}).
 */
public class GsoSuiteDetectionTest {

    static final Set<String> GSO_REQUIREMENTS = Stream.of(
            Stream.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14").map(n -> "GSO-TCP-" + n),
            Stream.of("01", "02", "03", "04", "05", "06", "07", "08").map(n -> "GSO-UDP-" + n),
            Stream.of("01", "02", "03").map(n -> "GSO-FB-" + n)).flatMap(s -> s).collect(Collectors.toSet());

    @Test
    public void referenceAdapterPassesEveryGsoRequirement() throws IOException {
        Summary summary = run("reference", "gso");
        SuiteRuns.assertPassesEverything(summary, GSO_REQUIREMENTS);
        assertTrue(summary.counts.passed > 500, "every send is its own result: " + summary.counts.passed);
    }

    @Test
    public void withoutUsoHardwareTheUdpRequirementsAreSkippedWithTheReasonAndTheFallbackJudgesItsSends() throws IOException {
        Summary summary = run(LsoOnly.class.getName(), "gso");
        assertEquals(summary.counts.bad(), 0, describe(summary));
        Set<String> udp = GSO_REQUIREMENTS.stream().filter(r -> r.startsWith("GSO-UDP")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(withStatus(summary, "skipped"), udp, describe(summary));
        assertTrue(summary.requirements.get("GSO-UDP-01").skipReason.startsWith("the DUT advertises no USO"),
                summary.requirements.get("GSO-UDP-01").skipReason);
        assertTrue(summary.requirements.get("GSO-FB-03").results.passed > 20, "every USO send falls back: " + describe(summary));
    }

    @Test
    public void withoutSubMssFinalSegmentsTheShortLastDatagramsMustBeFailed() throws IOException {
        Summary summary = run(UsoWithoutShortLastDatagram.class.getName(), "gso");
        assertEquals(summary.counts.bad(), 0, describe(summary));
        assertEquals(withStatus(summary, "passed"), new TreeSet<>(GSO_REQUIREMENTS), describe(summary));
    }
}
