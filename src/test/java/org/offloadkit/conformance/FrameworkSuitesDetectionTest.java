package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.offloadkit.dut.reference.AdapterProfile;
import org.offloadkit.framework.FrameworkProfile;
import org.offloadkit.mutation.IgnoresRxChecksumCallback;
import org.offloadkit.report.Summary;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The four framework suites: the reference adapter and every adapter profile pass them with the fallback paths
 * taken, under the documented behaviour and (the reference, and the profile where unmasked callbacks matter most)
 * under netadaptercx-2100. The framework's mutants (org.offloadkit.mutation's catalogue, MutationScoreTest) each fail
 * exactly their own requirement; one callback mutant is held to the callbacks suite here too.
 */
public class FrameworkSuitesDetectionTest {

    static final List<String> SUITES = List.of("advertisement", "keywords", "callbacks", "fallback");

    static final Set<String> REQUIREMENTS = new TreeSet<>();

    static {
        IntStream.rangeClosed(1, 15).forEach(i -> REQUIREMENTS.add(String.format("CAP-%02d", i)));
        IntStream.rangeClosed(1, 11).forEach(i -> REQUIREMENTS.add(String.format("KW-%02d", i)));
        IntStream.rangeClosed(1, 7).forEach(i -> REQUIREMENTS.add(String.format("ACT-%02d", i)));
        REQUIREMENTS.addAll(List.of("CSUM-TX-04", "CSUM-TX-05", "GSO-FB-01", "GSO-FB-02", "GSO-FB-03", "RSC-17"));
    }

    @DataProvider
    public Object[][] duts() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"reference", FrameworkProfile.DOCUMENTED});
        rows.add(new Object[] {"reference", FrameworkProfile.NETADAPTERCX_2100});
        for (String profile : AdapterProfile.names()) {
            rows.add(new Object[] {"profile:" + profile, FrameworkProfile.DOCUMENTED});
        }
        rows.add(new Object[] {"profile:ipv4-no-options", FrameworkProfile.NETADAPTERCX_2100});
        return rows.toArray(Object[][]::new);
    }

    @Test(dataProvider = "duts")
    public void passesTheFrameworkSuitesWithTheFallbackTaken(String dut, FrameworkProfile profile) throws Exception {
        Summary summary = SuiteRuns.run(dut, SUITES, profile);
        assertEquals(summary.requirements.keySet(), REQUIREMENTS);
        assertEquals(summary.counts.bad(), 0, dut + " under " + profile + ": " + SuiteRuns.describe(summary));
        assertEquals(summary.frameworkProfile, profile.label);
        Set<String> framework = REQUIREMENTS.stream().filter(r -> r.startsWith("CAP") || r.startsWith("KW") || r.startsWith("ACT"))
                .collect(Collectors.toSet());
        assertTrue(SuiteRuns.withStatus(summary, "passed").containsAll(framework), SuiteRuns.describe(summary));
        Map<String, Long> fallback = summary.softwareFallback;
        assertTrue(fallback.values().stream().mapToLong(Long::longValue).sum() > 0, dut + " took no fallback path: " + fallback);
        if (dut.equals("profile:rx-checksum-only")) {
            assertTrue(fallback.values().stream().allMatch(n -> n > 0), "checksums, segmentation and coalescing all in software: " + fallback);
        }
        if (dut.equals("profile:rsc-ipv4-only")) {
            assertTrue(fallback.get("units coalesced in software") > 0, "IPv6 is coalesced in software: " + fallback);
        }
    }

    @Test
    public void anAdapterIgnoringItsCallbacksFailsActiveCapabilities() throws Exception {
        SuiteRuns.assertFailsExactly(IgnoresRxChecksumCallback.class, "callbacks", Set.of("ACT-04"));
    }
}
