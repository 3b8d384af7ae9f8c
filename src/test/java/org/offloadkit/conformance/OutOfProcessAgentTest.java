package org.offloadkit.conformance;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.offloadkit.framework.DutFault;
import org.offloadkit.framework.FrameworkProfile;
import org.offloadkit.framework.Keywords;
import org.offloadkit.report.Summary;
import org.offloadkit.testing.ProjectDir;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The suites against adapters in another process: the Python sample agent passes everything the reference
 * adapter passes, over stdio and over TCP; an agent that exits, hangs, breaks the protocol or reports an error
 * costs the results of the call it broke on, as DUT faults, and the run carries on against it restarted; a
 * run stopped by SIGTERM or Ctrl-C leaves summary.json and the results of every finished test.
 */
public class OutOfProcessAgentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String agent() {
        return "python3 " + ProjectDir.root().resolve("agents/python/offloadkit_agent.py");
    }

    private static String faultyAgent(String fault, int at) {
        return "python3 " + ProjectDir.root().resolve("src/test/python/faulty_agent.py") + " --fault " + fault + " --at " + at;
    }

    private static Summary run(String dut, String suite, Duration timeout, Path out) {
        RunConfig config = new RunConfig(dut, RunConfig.class.getClassLoader(), List.of(suite), out, timeout, Keywords.standardDefaults(),
                FrameworkProfile.DOCUMENTED, null);
        return ConformanceRun.execute(config, new PrintStream(new ByteArrayOutputStream()));
    }

    private static Summary run(String dut, String suite) throws IOException {
        return run(dut, suite, null, Scratch.directory("offloadkit-agent-"));
    }

    private static final Map<String, Summary> REFERENCE = new ConcurrentHashMap<>();

    /** The reference adapter's results for the suite, run once for every test that compares with them. */
    private static synchronized Summary reference(String suite) throws IOException {
        Summary summary = REFERENCE.get(suite);
        if (summary == null) {
            summary = run("reference", suite);
            REFERENCE.put(suite, summary);
        }
        return summary;
    }

    /** The agent's results are the reference adapter's: every requirement passed, with as many results. */
    private static void assertLikeTheReference(Summary agent, Summary reference) {
        SuiteRuns.assertPassesEverything(agent, reference.requirements.keySet());
        for (Map.Entry<String, Summary.RequirementResult> e : reference.requirements.entrySet()) {
            assertEquals(agent.requirements.get(e.getKey()).results.passed, e.getValue().results.passed, e.getKey());
        }
    }

    @Test
    public void thePythonAgentPassesTheFullSuiteOverStdio() throws IOException {
        assertLikeTheReference(run("exec:" + agent(), "full"), reference("full"));
    }

    @Test
    public void thePythonAgentPassesTheFullSuiteOverTcp() throws IOException, InterruptedException {
        Process listening = new ProcessBuilder("sh", "-c", "exec " + agent() + " --listen 127.0.0.1:0").redirectErrorStream(true).start();
        try {
            String line = new BufferedReader(new InputStreamReader(listening.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertNotNull(line, "the agent says where it listens");
            assertTrue(line.startsWith("listening on 127.0.0.1:"), line);
            String port = line.substring(line.lastIndexOf(':') + 1);
            assertLikeTheReference(run("tcp:127.0.0.1:" + port, "full"), reference("full"));
        } finally {
            listening.destroy();
            listening.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @DataProvider
    public Object[][] faults() {
        return new Object[][] {
                {"exit", "exited with status 3", "simulated crash on call"},
                // the framework's wait and the agent's session end at the same time: either may say so first
                {"hang", "within 3000 ms", "receive"},
                {"malformed", "broke the protocol", "indications[0].frame is not base64"},
                {"error", "answered the receive request with an error", "simulated driver failure on call"},
        };
    }

    /**
     * One fault on one receive batch: the results that judged it are DUT faults quoting what happened, every
     * other result is what the reference adapter gets, and each finished test's Allure result is on disk.
     */
    @Test(dataProvider = "faults")
    public void aFaultCostsOnlyTheTestsItWasIn(String fault, String says, String detail) throws IOException {
        Summary reference = reference("rsc");
        Path out = Scratch.directory("offloadkit-fault-");
        Summary summary = run("exec:" + faultyAgent(fault, 20), "rsc", Duration.ofMillis(3000), out);
        assertEquals(summary.counts.total(), reference.counts.total(), "no result lost: " + SuiteRuns.describe(summary));
        assertTrue(summary.counts.dutFaults > 0, fault + " is a DUT fault: " + SuiteRuns.describe(summary));
        assertEquals(summary.counts.failed + summary.counts.kitErrors + summary.counts.skipped, 0, SuiteRuns.describe(summary));
        assertTrue(summary.counts.dutFaults < 20, "only the tests of the broken call: " + SuiteRuns.describe(summary));
        assertEquals(summary.counts.passed, reference.counts.passed - summary.counts.dutFaults);
        String message = summary.requirements.values().stream().map(r -> r.firstFailure).filter(m -> m != null).findFirst().orElseThrow();
        assertTrue(message.startsWith(DutFault.PREFIX) && message.contains(says) && message.contains(detail), message);

        List<JsonNode> results = allureResults(out.resolve("allure-results"));
        assertEquals(results.size(), summary.counts.total(), "every finished test's result is on disk");
        long broken = results.stream().filter(r -> "broken".equals(r.get("status").asText())
                && r.get("statusDetails").get("message").asText().startsWith(DutFault.PREFIX)).count();
        assertEquals(broken, summary.counts.dutFaults, "each fault is filed under DUT faults");
    }

    @DataProvider
    public Object[][] signals() {
        return new Object[][] {{"TERM"}, {"INT"}};
    }

    /** SIGTERM is what CI sends a job it cancels; SIGINT is Ctrl-C. */
    @Test(dataProvider = "signals")
    public void aRunStoppedByASignalLeavesItsSummaryAndEveryFinishedResult(String signal) throws IOException, InterruptedException {
        Path out = Scratch.directory("offloadkit-sigterm-");
        Path marker = out.resolve("agent-hung");
        String dut = "exec:" + faultyAgent("hang", 20) + " --marker " + marker;
        Process kit = new ProcessBuilder("java", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.offloadkit.cli.OffloadKit", "run", "--no-report", "--suite", "rsc", "--dut", dut, "--timeout", "600000",
                "--out", out.toString()).redirectErrorStream(true).redirectOutput(out.resolve("console.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(marker) && kit.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(marker), "the agent reached its hang: " + Files.readString(out.resolve("console.txt")));
            long agentPid = Long.parseLong(Files.readString(marker).trim());
            new ProcessBuilder("kill", "-" + signal, Long.toString(kit.pid())).start().waitFor();
            assertTrue(kit.waitFor(30, TimeUnit.SECONDS), "the kit stops on SIG" + signal);

            Summary summary = Summary.read(out.resolve("summary.json"));
            assertNotNull(summary.interrupted, "summary.json says the run was stopped");
            assertTrue(summary.counts.total() > 0, "the tests before the hang finished");
            assertEquals(allureResults(out.resolve("allure-results")).size(), summary.counts.total(),
                    "every finished test's result is on disk, and counted in summary.json");
            long agentDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ProcessHandle.of(agentPid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < agentDeadline) {
                Thread.sleep(50);
            }
            assertTrue(ProcessHandle.of(agentPid).map(p -> !p.isAlive()).orElse(true), "the hung agent is stopped with the kit");
        } finally {
            kit.destroyForcibly();
        }
    }

    private static List<JsonNode> allureResults(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-result.json")).map(p -> {
                try {
                    return JSON.readTree(p.toFile());
                } catch (IOException e) {
                    throw new AssertionError("a result on disk that is not JSON: " + p, e);
                }
            }).toList();
        }
    }
}
