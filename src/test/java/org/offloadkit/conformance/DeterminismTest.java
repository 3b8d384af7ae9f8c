package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.offloadkit.cli.OffloadKit;
import org.offloadkit.mutation.PadsLastSegmentToMss;
import org.offloadkit.mutation.TakesTheLastTtl;
import org.offloadkit.mutation.TcpChecksumWithoutPseudoHeader;
import org.offloadkit.report.Summary;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two runs of a suite give the same verdicts and the same evidence, byte for byte. The first run is in this
 * JVM, after every other test has warmed its caches; the second is the command line in a fresh JVM, with
 * other identity hash codes, other thread timings and nothing loaded. The reference adapter runs the full
 * suite; each faulty adapter runs the suite of the area it breaks, so failures, their messages and their
 * input, expected and actual pcaps are compared too (against the reference nothing fails, so nothing is
 * attached). Every input is generated from the corpus seeds and every evidence pcap is stamped with a fixed
 * time, so a difference here means hidden state: an iteration order, a race, a clock.
 */
public class DeterminismTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @DataProvider
    public Object[][] runs() {
        return new Object[][] {
                {"reference", "full"},
                {TcpChecksumWithoutPseudoHeader.class.getName(), "checksum"},
                {PadsLastSegmentToMss.class.getName(), "gso"},
                {TakesTheLastTtl.class.getName(), "rsc"},
        };
    }

    @Test(dataProvider = "runs")
    public void twoRunsGiveTheSameVerdictsAndEvidence(String dut, String suite) throws Exception {
        Path inProcess = Scratch.directory("offloadkit-determinism-");
        Summary first = SuiteRuns.run(dut, suite, inProcess);
        Path freshJvm = Scratch.directory("offloadkit-determinism-");
        runInFreshJvm(dut, suite, freshJvm);
        Summary second = Summary.read(freshJvm.resolve("summary.json"));

        assertEquals(JSON.writeValueAsString(second.requirements), JSON.writeValueAsString(first.requirements),
                "requirement verdicts");
        assertEquals(second.counts.total(), first.counts.total());
        List<String> a = fingerprints(inProcess.resolve("allure-results"));
        List<String> b = fingerprints(freshJvm.resolve("allure-results"));
        assertEquals(a.size(), first.counts.total(), "one Allure result per counted result");
        assertEquals(b.size(), a.size(), "results of the second run");
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                fail("the runs differ at result " + i + " of " + a.size() + ":\nfirst:  " + a.get(i) + "\nsecond: " + b.get(i));
            }
        }
        if (!"reference".equals(dut)) {
            assertTrue(a.stream().anyMatch(f -> f.contains("actual.pcap sha256:")), "a faulty adapter's runs carry evidence pcaps");
        }
    }

    /** The command line a user runs, in a JVM of its own. */
    private static void runInFreshJvm(String dut, String suite, Path out) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = out.resolve("console.txt");
        Process process = new ProcessBuilder(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), OffloadKit.class.getName(),
                "run", "--dut", dut, "--suite", suite, "--out", out.toString(), "--no-report")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the second run did not finish in 10 minutes");
        }
        int expected = "reference".equals(dut) ? OffloadKit.OK : OffloadKit.FAILED;
        assertEquals(process.exitValue(), expected, Files.readString(log));
    }

    /**
     * Each result as a line that leaves out only what must differ between runs (UUIDs, start and stop times):
     * its name and parameters, status, message, and each attachment's name and the SHA-256 of its bytes.
     */
    private static List<String> fingerprints(Path results) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode result = JSON.readTree(file.toFile());
                StringBuilder line = new StringBuilder(result.path("name").asText());
                for (JsonNode p : result.path("parameters")) {
                    line.append(" [").append(p.path("name").asText()).append('=').append(p.path("value").asText()).append(']');
                }
                line.append(" -> ").append(result.path("status").asText())
                        .append(": ").append(result.at("/statusDetails/message").asText());
                for (JsonNode attachment : result.path("attachments")) {
                    line.append(" | ").append(attachment.path("name").asText()).append(" sha256:")
                            .append(sha256(results.resolve(attachment.path("source").asText())));
                }
                lines.add(line.toString());
            }
        }
        lines.sort(null);
        return lines;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
