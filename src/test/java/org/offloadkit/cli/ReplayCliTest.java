package org.offloadkit.cli;

import static org.offloadkit.testing.Cli.offloadkit;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.offloadkit.testing.Cli.Outcome;
import org.offloadkit.mutation.Mutant;
import org.offloadkit.mutation.FinAndPshOnEverySegment;
import org.offloadkit.mutation.MiscountsCoalescedSegments;
import org.offloadkit.mutation.RxReportsCorruptUdpValid;
import org.offloadkit.mutation.TcpChecksumWithoutPseudoHeader;
import org.offloadkit.replay.MessyCapture;
import org.offloadkit.report.Summary;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code offloadkit replay} as a user meets it: a messy capture, faulty adapters caught, corrupt files, usage errors. */
public class ReplayCliTest {
    private Path messy;

    @BeforeClass
    public void writeCapture() throws IOException {
        messy = Scratch.directory("offloadkit-replay-").resolve("messy.pcapng");
        MessyCapture.write(messy);
    }

    @Test
    public void theReferenceAdapterPassesAMessyCaptureAndEveryPacketIsAccountedFor() throws IOException {
        Path out = Scratch.directory("offloadkit-replay-out-");
        Outcome run = offloadkit("replay", messy.toString(), "--out", out.toString(), "--no-report");
        assertEquals(run.status(), 0, run.out() + run.err());
        Summary summary = Summary.read(out.resolve("summary.json"));
        assertTrue(summary.requirements.keySet().containsAll(List.of("CSUM-TX-01", "CSUM-TX-02", "CSUM-TX-03", "CSUM-RX-01",
                "CSUM-RX-02", "GSO-TCP-01", "GSO-TCP-06", "RSC-04", "RSC-14", "RSC-18")), summary.requirements.keySet().toString());
        assertTrue(summary.requirements.values().stream().allMatch(r -> !"failed".equals(r.status)));
        String rx = summary.notes.get("rx-checksum · messy.pcapng");
        assertTrue(rx.contains("14 packets: 11 used in 11 vectors"), rx);
        assertTrue(rx.contains("1 captured before the sender's checksum offload"), rx);
        assertTrue(rx.contains("Recognized: 1 packets were captured on the sending host"), rx);
        assertTrue(rx.contains("1 cut by the snap length"), rx);
        assertTrue(rx.contains("1 its link type is not one the kit replays"), rx);
        String tx = summary.notes.get("tx-checksum · messy.pcapng");
        assertTrue(tx.contains("1 not IPv4 or IPv6 (ARP"), tx);
        assertTrue(tx.contains("2 neither TCP nor UDP (ICMP"), tx);
        assertTrue(tx.contains("1 an IP fragment"), tx);
        assertTrue(summary.notes.get("lso · messy.pcapng").contains("3 used in 1 vectors"), summary.notes.get("lso · messy.pcapng"));
        List<String> names = results(out).stream().map(r -> r.get("name").asText()).toList();
        assertTrue(names.contains("tx-checksum · messy.pcapng packets 1-14"), names.toString());
        assertTrue(names.contains("lso · messy.pcapng packets 1-3"), names.toString());
        assertTrue(names.contains("Packets used and skipped · rx-checksum · messy.pcapng"), names.toString());
        assertTrue(run.out().contains("tx-checksum messy.pcapng: 8 vectors from 8 of 14 packets"), run.out());
    }

    @DataProvider
    public Object[][] faultyAdapters() {
        // Each replays what its area's suite judges: a checksum adapter that never segments fails every large send too.
        return new Object[][] {{new TcpChecksumWithoutPseudoHeader(), "tx-checksum,rx-checksum"}, {new FinAndPshOnEverySegment(), "lso,uso"},
                {new RxReportsCorruptUdpValid(), "tx-checksum,rx-checksum"}, {new MiscountsCoalescedSegments(), "rsc"}};
    }

    /** A replay catches a faulty adapter by the requirement its bug breaks, and blames nothing else on it. */
    @Test(dataProvider = "faultyAdapters")
    public void aFaultyAdapterFailsByTheRequirementItBreaks(Mutant faulty, String offloads) throws IOException {
        Path out = Scratch.directory("offloadkit-replay-out-");
        Outcome run = offloadkit("replay", messy.toString(), "--dut", faulty.getClass().getName(), "--offloads", offloads,
                "--out", out.toString(), "--no-report");
        assertEquals(run.status(), 1, run.out() + run.err());
        Summary summary = Summary.read(out.resolve("summary.json"));
        Set<String> failed = summary.requirements.entrySet().stream().filter(e -> "failed".equals(e.getValue().status))
                .map(e -> e.getKey()).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(!failed.isEmpty() && faulty.breaks().containsAll(failed), faulty + " broke " + faulty.breaks() + "; failed " + failed);
        JsonNode failure = results(out).stream().filter(r -> "failed".equals(r.get("status").asText())).findFirst().orElseThrow();
        assertTrue(failure.get("attachments").findValuesAsText("name").contains("input.pcap"), "evidence attached");
        assertTrue(failure.get("name").asText().contains("messy.pcapng packet"), failure.get("name").asText());
    }

    /** The shipped suites/replay.xml names its captures as parameters, as a vendor's own suite file would. */
    @Test
    public void theReplaySuiteFileReplaysTheCapturesItNames() throws IOException {
        Path out = Scratch.directory("offloadkit-replay-out-");
        Outcome run = offloadkit("run", "--suite", "replay", "--out", out.toString(), "--no-report");
        assertEquals(run.status(), 0, run.out() + run.err());
        Summary summary = Summary.read(out.resolve("summary.json"));
        assertTrue(summary.notes.containsKey("rx-checksum · rx.pcap"), summary.notes.keySet().toString());
        assertTrue(summary.requirements.get("CSUM-RX-02").results.passed > 100, summary.requirements.keySet().toString());
    }

    @DataProvider
    public Object[][] realCaptures() throws IOException {
        Path real = org.offloadkit.testing.ProjectDir.root().resolve("pcaps/real");
        if (!Files.isDirectory(real)) {
            return new Object[][] {{null}};
        }
        try (Stream<Path> files = Files.list(real)) {
            Object[][] rows = files.filter(f -> f.toString().matches(".*\\.pcap(ng)?$")).sorted().map(f -> new Object[] {f})
                    .toArray(Object[][]::new);
            return rows.length == 0 ? new Object[][] {{null}} : rows;
        }
    }

    /** The kernel's own captures (pcaps/real/, from the Linux adapter's work) replay against the reference and pass. */
    @Test(dataProvider = "realCaptures")
    public void realKernelCapturesPassAgainstTheReference(Path capture) throws IOException {
        if (capture == null) {
            throw new org.testng.SkipException("pcaps/real/ holds no capture yet; KernelCaptureReplayTest replays kernel traffic meanwhile");
        }
        Path out = Scratch.directory("offloadkit-replay-out-");
        Outcome run = offloadkit("replay", capture.toString(), "--out", out.toString(), "--no-report");
        assertEquals(run.status(), 0, run.out() + run.err());
        Summary summary = Summary.read(out.resolve("summary.json"));
        assertTrue(summary.notes.keySet().stream().anyMatch(k -> k.endsWith(capture.getFileName().toString())), summary.notes.toString());
    }

    @Test
    public void aCorruptCaptureIsJudgedUpToTheCorruptionAndExitsTwoNamingTheOffset() throws IOException {
        byte[] whole = Files.readAllBytes(messy);
        Path cut = messy.resolveSibling("cut.pcapng");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 10));
        Path out = Scratch.directory("offloadkit-replay-out-");
        Outcome run = offloadkit("replay", cut.toString(), "--offloads", "tx-checksum", "--out", out.toString(), "--no-report");
        assertEquals(run.status(), 2, run.out() + run.err());
        assertTrue(run.out().contains("UNREADABLE tx-checksum · cut.pcapng: ") && run.out().contains("at byte "), run.out());
        Summary summary = Summary.read(out.resolve("summary.json"));
        assertTrue(summary.counts.passed > 0, "the vectors before the corruption were judged");
        assertTrue(summary.notes.get("tx-checksum · cut.pcapng").contains("The vectors before it were judged"));
    }

    @Test
    public void aFilterKeepsOnlyWhatItMatches() throws IOException {
        Path out = Scratch.directory("offloadkit-replay-out-");
        Outcome run = offloadkit("replay", messy.toString(), "--filter", "udp", "--offloads", "tx-checksum", "--out", out.toString(),
                "--no-report");
        assertEquals(run.status(), 0, run.out() + run.err());
        // libpcap's "udp" keeps packets 6 (a first fragment), 11 (Linux cooked) and 14, not VLAN-tagged 7; the fragment gives no vector
        assertTrue(run.out().contains("tx-checksum messy.pcapng: 2 vectors from 2 of 3 packets"), run.out());
    }

    @Test
    public void usageErrorsExitTwo() throws IOException {
        Outcome missing = offloadkit("replay", "no-such.pcap");
        assertEquals(missing.status(), 2);
        assertTrue(missing.err().contains("no capture at no-such.pcap"), missing.err());
        Outcome offloads = offloadkit("replay", messy.toString(), "--offloads", "tso");
        assertEquals(offloads.status(), 2);
        assertTrue(offloads.err().contains("no offload named 'tso'"), offloads.err());
        Outcome filter = offloadkit("replay", messy.toString(), "--filter", "tcp and and");
        assertEquals(filter.status(), 2);
        assertTrue(filter.err().contains("does not compile"), filter.err());
        Outcome none = offloadkit("replay");
        assertEquals(none.status(), 2);
        Outcome help = offloadkit("replay", "--help");
        assertEquals(help.status(), 0);
        assertTrue(help.out().startsWith("Usage: offloadkit replay"), help.out());
    }

    private static List<JsonNode> results(Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(out.resolve("allure-results"))) {
            return files.filter(f -> f.toString().endsWith("-result.json")).map(f -> {
                try {
                    return json.readTree(f.toFile());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
