package org.offloadkit.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.offloadkit.faulty.ThrowsOnTransmit;
import org.offloadkit.mutation.AdvertisesOptionsWithoutPlainIpv4;
import org.offloadkit.mutation.SendsZeroUdpChecksum;
import org.offloadkit.pcap.PcapReader;
import org.offloadkit.report.Summary;
import org.offloadkit.testing.Cli;
import org.offloadkit.testing.Cli.Outcome;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The command line as a user meets it: exit statuses, summary.json, the report, and adapters from other jars. */
public class OffloadKitCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Outcome offloadkit(String... args) {
        return Cli.offloadkit(args);
    }

    private static Path temp() throws IOException {
        return Scratch.directory("offloadkit-cli-");
    }

    @Test
    public void theReferenceAdapterPassesAndTheReportIsWritten() throws IOException {
        Path out = temp();
        Outcome run = offloadkit("run", "--suite", "checksum", "--out", out.toString());
        assertEquals(run.status(), 0, run.out() + run.err());
        Summary summary = Summary.read(out.resolve("summary.json"));
        assertEquals(summary.dut, "reference");
        assertTrue(summary.requirements.keySet().containsAll(List.of("CSUM-TX-01", "CSUM-TX-06", "CSUM-RX-03")));
        assertTrue(summary.requirements.values().stream().allMatch(r -> "passed".equals(r.status)));
        assertTrue(Files.isRegularFile(out.resolve("report/index.html")), "HTML report");
        assertTrue(embedded(out.resolve("report/index.html"), "widgets/summary.json").contains("OffloadKit: reference"),
                "a self-contained report, named after the DUT");
        assertTrue(Files.isRegularFile(out.resolve("report/history/history-trend.json")), "history for the next run's trend");
        assertTrue(Files.isRegularFile(out.resolve("allure-results/categories.json")));
        assertTrue(Files.readString(out.resolve("allure-results/environment.properties")).contains("DUT=reference"));
        String[] lines = run.out().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("Wall time: "), "the wall time is the last line: " + run.out());
        assertTrue(summary.suiteSeconds > 0 && summary.reportSeconds > 0, "both parts timed");
        assertTrue(summary.wallSeconds >= summary.suiteSeconds + summary.reportSeconds, "the whole run holds both parts");
    }

    @Test
    public void aConformanceFailureExitsOneWithEvidenceInTheReport() throws IOException {
        Path out = temp();
        Outcome run = offloadkit("run", "--suite", "checksum", "--dut", SendsZeroUdpChecksum.class.getName(), "--out", out.toString());
        assertEquals(run.status(), 1, run.out() + run.err());
        assertTrue(run.out().contains("FAILED CSUM-TX-06"), run.out());
        JsonNode failure = resultsWith(out, "failed").get(0);
        assertEquals(label(failure, "story"), "CSUM-TX-06");
        assertEquals(label(failure, "epic"), "Checksum offload");
        assertEquals(label(failure, "feature"), "Tx checksum");
        assertTrue(failure.at("/statusDetails/message").asText().contains("UDP checksum (udp.checksum, offset"),
                failure.at("/statusDetails/message").asText());
        List<String> attachments = failure.get("attachments").findValuesAsText("name");
        assertEquals(attachments, List.of("input.pcap", "expected.pcap", "actual.pcap", "diff"));
        Path actualPcap = out.resolve("allure-results").resolve(failure.get("attachments").get(2).get("source").asText());
        assertEquals(PcapReader.readAll(actualPcap).size(), 1, "the evidence is a pcap libpcap reads");
        assertTrue(embedded(out.resolve("report/index.html"), "data/categories.json").contains("Conformance failures"),
                "categories in the report");
    }

    @Test
    public void aDriverThatThrowsIsADutFaultNotAConformanceFailure() throws IOException {
        Path out = temp();
        Outcome run = offloadkit("run", "--suite", "checksum", "--dut", ThrowsOnTransmit.class.getName(), "--out", out.toString(), "--no-report");
        assertEquals(run.status(), 1);
        Summary summary = Summary.read(out.resolve("summary.json"));
        assertTrue(summary.counts.dutFaults > 0);
        assertEquals(summary.counts.failed, 0);
        assertTrue(summary.requirements.get("CSUM-TX-01").firstFailure.contains("descriptor ring corrupted"));
        assertEquals(summary.requirements.get("CSUM-RX-02").status, "passed", "its receive path still works");
        assertTrue(resultsWith(out, "broken").stream().allMatch(r -> r.at("/statusDetails/message").asText().startsWith("DUT fault: ")));
    }

    @Test
    public void aVerifierViolationFailsTheRunCleanlyWithTheBugCheck() throws IOException {
        Path out = temp();
        Outcome run = offloadkit("run", "--suite", "checksum", "--dut", AdvertisesOptionsWithoutPlainIpv4.class.getName(),
                "--out", out.toString(), "--no-report");
        assertEquals(run.status(), 1);
        Summary summary = Summary.read(out.resolve("summary.json"));
        assertTrue(summary.startFault.contains("0x19E") && summary.startFault.contains("91"), summary.startFault);
        assertEquals(summary.counts.passed, 0);
        assertEquals(summary.counts.kitErrors, 0, "the kit itself did not break");
    }

    @Test
    public void theFrameworkProfileIsChosenAndShown() throws IOException {
        Path out = temp();
        Outcome run = offloadkit("run", "--suite", "callbacks", "--dut", "profile:rx-checksum-only", "--framework-profile",
                "netadaptercx-2100", "--out", out.toString(), "--no-report");
        assertEquals(run.status(), 0, run.out() + run.err());
        assertTrue(run.out().contains("Framework behaviour: netadaptercx-2100"), run.out());
        Summary summary = Summary.read(out.resolve("summary.json"));
        assertEquals(summary.frameworkProfile, "netadaptercx-2100");
        assertEquals(summary.requirements.get("ACT-05").status, "passed");
    }

    @Test
    public void usageErrorsExitTwoWithAClearMessage() throws IOException {
        Outcome unknownDut = offloadkit("run", "--dut", "nosuch", "--out", temp().toString());
        assertEquals(unknownDut.status(), 2);
        assertTrue(unknownDut.err().contains("no adapter named 'nosuch'"), unknownDut.err());
        Outcome unknownSuite = offloadkit("run", "--suite", "nosuch", "--out", temp().toString());
        assertEquals(unknownSuite.status(), 2);
        assertTrue(unknownSuite.err().contains("the kit has [advertisement, callbacks, checksum, fallback, full, gso, keywords, replay, rsc]"), unknownSuite.err());
        Outcome badProfile = offloadkit("run", "--framework-profile", "nt4", "--out", temp().toString());
        assertEquals(badProfile.status(), 2);
        assertTrue(badProfile.err().contains("--framework-profile must be one of [documented, netadaptercx-2100]"), badProfile.err());
        Outcome badAdapterProfile = offloadkit("run", "--dut", "profile:nosuch", "--out", temp().toString(), "--no-report");
        assertEquals(badAdapterProfile.status(), 2);
        assertTrue(badAdapterProfile.err().contains("no adapter profile named 'nosuch'"), badAdapterProfile.err());
        Outcome badOption = offloadkit("run", "--frobnicate");
        assertEquals(badOption.status(), 2);
        assertTrue(badOption.err().contains("Unknown option: '--frobnicate'"), badOption.err());
    }

    @Test
    public void everyCommandHasHelp() {
        for (String command : List.of("run", "replay", "duts", "merge", "mutation", "inf-check", "corpus", "capture-real")) {
            Outcome help = offloadkit(command, "--help");
            assertEquals(help.status(), 0, command);
            assertTrue(help.out().startsWith("Usage: offloadkit " + command), help.out());
        }
        assertTrue(offloadkit("--help").out().contains("Exit status:"));
    }

    /**
     * examples/vendor-adapter, built by Maven as a vendor builds it (against a jar of the kit's classes), is found
     * on --classpath by its provider and by its class name, and passes; without its jar it is not there.
     */
    @Test
    public void theExampleVendorAdapterBuildsInItsOwnProjectAndRunsWithoutRebuildingTheKit() throws IOException, InterruptedException {
        Path jar = VendorExample.build(temp());
        Outcome duts = offloadkit("duts", "--classpath", jar.toString());
        assertTrue(duts.out().contains("acme") && duts.out().contains("Acme 10G"), duts.out());
        Path out = temp();
        Outcome byName = offloadkit("run", "--dut", "acme", "--classpath", jar.toString(), "--out", out.toString(), "--no-report");
        assertEquals(byName.status(), 0, byName.out() + byName.err());
        Summary summary = Summary.read(out.resolve("summary.json"));
        assertEquals(summary.dut, "acme");
        assertEquals(summary.requirements.get("CSUM-TX-04").status, "passed", "its 127-byte offset limit sends the deeper headers to the fallback");
        assertEquals(summary.requirements.get("CSUM-RX-02").status, "passed");
        assertTrue(summary.requirements.get("GSO-TCP-01").skipReason.startsWith("the DUT advertises no"), summary.requirements.get("GSO-TCP-01").skipReason);
        Outcome byClass = offloadkit("run", "--suite", "checksum", "--dut", "com.acme.nic.AcmeAdapter", "--classpath", jar.toString(),
                "--out", temp().toString(), "--no-report");
        assertEquals(byClass.status(), 0, byClass.out() + byClass.err());
        Outcome absent = offloadkit("run", "--suite", "checksum", "--dut", "acme", "--out", temp().toString(), "--no-report");
        assertEquals(absent.status(), 2, "without its jar the adapter is not there: it is not on the kit's class path");
    }

    @Test
    public void infCheckExitsByWhatItFinds() {
        Outcome standard = offloadkit("inf-check", "--inf", fixture("inf/standard.inf"));
        assertEquals(standard.status(), 0, standard.out());
        assertTrue(standard.out().contains("*LsoV2IPv6                 1      "), standard.out());
        Outcome deviations = offloadkit("inf-check", "--inf", fixture("inf/deviations.inf"));
        assertEquals(deviations.status(), 1);
        assertTrue(deviations.out().contains("deviations.inf:24: deviation: *IPChecksumOffloadIPv4: Default 0; standard: 3"), deviations.out());
        Outcome malformed = offloadkit("inf-check", "--inf", fixture("inf/malformed.inf"));
        assertEquals(malformed.status(), 2);
        assertTrue(malformed.out().contains("malformed.inf:7: error: section header without ']'"), malformed.out());
        assertEquals(offloadkit("inf-check").status(), 2);
        Outcome missing = offloadkit("inf-check", "--inf", "no/such.inf");
        assertEquals(missing.status(), 2);
        assertTrue(missing.err().contains("cannot read no/such.inf"), missing.err());
    }

    @Test
    public void aRunTakesItsKeywordsFromTheInfAndRegistry() throws IOException {
        Outcome malformed = offloadkit("run", "--suite", "checksum", "--inf", fixture("inf/malformed.inf"), "--out", temp().toString(), "--no-report");
        assertEquals(malformed.status(), 2);
        assertTrue(malformed.err().contains("malformed.inf:11: error: AddReg names section [Missing.Params]"), malformed.err());
        Path out = temp();
        Outcome run = offloadkit("run", "--suite", "checksum", "--inf", fixture("inf/standard.inf"),
                "--registry", fixture("registry/adapter.yaml"), "--out", out.toString(), "--no-report");
        assertEquals(run.status(), 0, run.out() + run.err());
        String environment = Files.readString(out.resolve("allure-results/environment.properties"));
        assertTrue(environment.contains("*LsoV2IPv6=0"), environment);
    }

    /** A file the self-contained report carries inside it, base64-encoded. */
    private static String embedded(Path report, String name) throws IOException {
        String html = Files.readString(report);
        String start = "d('" + name + "','";
        int from = html.indexOf(start);
        assertTrue(from >= 0, name + " is not in " + report);
        from += start.length();
        return new String(java.util.Base64.getDecoder().decode(html.substring(from, html.indexOf('\'', from))), StandardCharsets.UTF_8);
    }

    private static String fixture(String relative) {
        return org.offloadkit.testing.ProjectDir.root().resolve("fixtures").resolve(relative).toString();
    }

    private static List<JsonNode> resultsWith(Path out, String status) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("allure-results"))) {
            return files.filter(f -> f.toString().endsWith("-result.json")).map(OffloadKitCliTest::read)
                    .filter(r -> status.equals(r.get("status").asText())).toList();
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String label(JsonNode result, String name) {
        for (JsonNode label : result.get("labels")) {
            if (name.equals(label.get("name").asText())) {
                return label.get("value").asText();
            }
        }
        return null;
    }
}
