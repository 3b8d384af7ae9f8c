package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.offloadkit.dut.linux.LinuxDeviations;
import org.offloadkit.linux.SkipWithoutRoot;
import org.offloadkit.report.Summary;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The full suite against the Linux kernel's offloads on a veth pair: everything passes but the deviations
 * LinuxDeviations lists, which fail or skip, each for its stated reason. A new failure, a new skip, or a
 * listed deviation that now passes fails this test; so does a namespace left behind.
 */
public class LinuxVethSuiteTest {
    private Summary summary;

    @BeforeClass
    public void runFullSuite() throws IOException {
        SkipWithoutRoot.check();
        summary = SuiteRuns.run("linux:veth", "full");
    }

    @Test
    public void failsExactlyTheListedDeviations() {
        assertEquals(SuiteRuns.withStatus(summary, "failed"), new TreeSet<>(LinuxDeviations.FAILED.keySet()),
                SuiteRuns.describe(summary));
        assertEquals(summary.counts.dutFaults + summary.counts.kitErrors, 0, SuiteRuns.describe(summary));
    }

    @Test
    public void skipsExactlyTheListedDeviations() {
        assertEquals(SuiteRuns.withStatus(summary, "skipped"), new TreeSet<>(LinuxDeviations.SKIPPED.keySet()),
                SuiteRuns.describe(summary));
    }

    @Test
    public void passesEverythingElse() {
        Set<String> rest = new TreeSet<>(summary.requirements.keySet());
        rest.removeAll(LinuxDeviations.FAILED.keySet());
        rest.removeAll(LinuxDeviations.SKIPPED.keySet());
        assertFalse(rest.isEmpty());
        assertEquals(SuiteRuns.withStatus(summary, "passed"), rest);
    }

    @Test
    public void reportsItsPathsAndDeviations() {
        assertTrue(summary.dutDetails.get("Linux Tx paths taken").contains("finished at the wire"), summary.dutDetails.toString());
        assertTrue(summary.dutDetails.get("Linux expected deviations").contains("CSUM-TX-02 fails"), summary.dutDetails.toString());
    }

    @Test
    public void leavesNoNamespaceBehind() throws IOException, InterruptedException {
        Process list = new ProcessBuilder("ip", "netns", "list").start();
        String namespaces = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        list.waitFor();
        assertFalse(namespaces.contains("offloadkit-" + ProcessHandle.current().pid() + "-"), namespaces);
    }
}
