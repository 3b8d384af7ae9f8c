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

import org.offloadkit.faulty.Catalogue;
import org.offloadkit.faulty.FaultyAdapter;
import org.offloadkit.faulty.LsoOnly;
import org.offloadkit.faulty.UsoWithoutShortLastDatagram;
import org.offloadkit.report.Summary;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The segmentation suite tells a correct adapter from broken ones: the reference adapter passes every
 * requirement, each faulty adapter fails exactly the requirements its bug breaks, and what an adapter does
 * not advertise is skipped with the reason.
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

    @DataProvider
    public Object[][] faultyAdapters() {
        return Catalogue.GSO.stream().map(c -> new Object[] {c}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "faultyAdapters")
    public void faultyAdapterFailsExactlyWhatItBreaks(Class<? extends FaultyAdapter> adapter) throws Exception {
        SuiteRuns.assertFailsExactlyWhatItBreaks(adapter, "gso");
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
