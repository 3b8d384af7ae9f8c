package org.offloadkit.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.offloadkit.testing.ProjectDir;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import picocli.CommandLine;

/**
 * The CI templates in ci/ parse, call ci/run-offloadkit.sh as it is, and the script they call runs shards,
 * merges them into a report whose history carries on, and ends with the kit's exit status.
 */
public class CiTemplatesTest {
    private static final Path CI = ProjectDir.root().resolve("ci");
    private static final Path SCRIPT = CI.resolve("run-offloadkit.sh");
    private static final List<Path> TEMPLATES = List.of(CI.resolve("github/offloadkit.yml"), CI.resolve("gitlab/offloadkit.gitlab-ci.yml"),
            CI.resolve("jenkins/Jenkinsfile"));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    public void theGithubWorkflowShardsMergesKeepsTheHistoryAndGates() throws IOException {
        JsonNode jobs = YAML.readTree(TEMPLATES.get(0).toFile()).get("jobs");
        JsonNode conformance = jobs.get("conformance");
        assertTrue(conformance.at("/strategy/matrix/shard").size() > 1, "shards as a matrix");
        assertTrue(steps(conformance).contains("offloadkit/ci/run-offloadkit.sh run"));
        assertEquals(conformance.at("/steps").findValuesAsText("OFFLOADKIT_SHARD").get(0), "${{ matrix.shard }}/${{ strategy.job-total }}");
        JsonNode report = jobs.get("report");
        assertEquals(report.get("needs").asText(), "conformance");
        assertEquals(report.get("if").asText(), "always()", "the report is made when a shard failed too");
        assertTrue(steps(report).contains("offloadkit/ci/run-offloadkit.sh merge"));
        List<String> uses = report.findValuesAsText("uses");
        assertTrue(uses.contains("actions/cache/restore@v4") && uses.contains("actions/cache/save@v4"), "history kept: " + uses);
    }

    @Test
    public void theGitlabPipelineShardsMergesKeepsTheHistoryAndGates() throws IOException {
        JsonNode pipeline = YAML.readTree(TEMPLATES.get(1).toFile());
        JsonNode conformance = pipeline.get("conformance");
        assertTrue(conformance.get("parallel").asInt() > 1);
        assertTrue(conformance.get("script").toString().contains("$CI_NODE_INDEX/$CI_NODE_TOTAL"));
        assertEquals(conformance.at("/artifacts/when").asText(), "always");
        JsonNode report = pipeline.get("report");
        assertEquals(report.get("when").asText(), "always");
        assertTrue(report.get("script").toString().contains("offloadkit/ci/run-offloadkit.sh merge"));
        assertTrue(report.get("cache").toString().contains("$OFFLOADKIT_HISTORY"), "history kept between pipelines");
        assertTrue(pipeline.at("/default/before_script").toString().contains("mvn -B -q install -DskipTests"));
    }

    @Test
    public void theJenkinsfileIsBalancedAndGatesOnTheExitStatus() throws IOException {
        String jenkinsfile = Files.readString(TEMPLATES.get(2));
        for (String pair : List.of("{}", "()", "[]")) {
            assertEquals(count(jenkinsfile, pair.charAt(0)), count(jenkinsfile, pair.charAt(1)), "balanced " + pair);
        }
        assertTrue(jenkinsfile.contains("returnStatus: true") && jenkinsfile.contains("currentBuild.result = 'FAILURE'"));
        assertTrue(jenkinsfile.contains("offloadkit/ci/run-offloadkit.sh run") && jenkinsfile.contains("offloadkit/ci/run-offloadkit.sh merge"));
    }

    /** What the templates name exists: the script's commands, its variables, and the kit's options the script passes. */
    @Test
    public void theTemplatesNameRealCommandsVariablesAndOptions() throws IOException {
        String script = Files.readString(SCRIPT);
        for (Path template : TEMPLATES) {
            String text = Files.readString(template);
            for (String command : matches(text, "run-offloadkit\\.sh (\\w+)")) {
                assertTrue(Set.of("run", "merge").contains(command), template + " calls run-offloadkit.sh " + command);
            }
            for (String variable : matches(text, "\\b(OFFLOADKIT_[A-Z]+)\\b")) {
                assertTrue(script.contains("#   " + variable + " "), template + " sets " + variable + ", which the script does not document");
            }
        }
        CommandLine kit = new CommandLine(new OffloadKit());
        for (String option : matches(script.substring(script.indexOf("command=${1:-}")), "(--[a-z][a-z-]+)")) {
            if (!option.equals("--help")) {
                boolean known = kit.getSubcommands().get("run").getCommandSpec().findOption(option) != null
                        || kit.getSubcommands().get("merge").getCommandSpec().findOption(option) != null;
                assertTrue(known, "run-offloadkit.sh passes " + option + ", which neither 'run' nor 'merge' has");
            }
        }
    }

    @Test
    public void theScriptRunsShardsAndMergesThemIntoAReportWhoseTrendCarriesOn() throws Exception {
        Path work = Scratch.directory("offloadkit-ci-");
        Path history = work.resolve("history");
        Files.createDirectories(history);
        Files.writeString(history.resolve("history-trend.json"),
                "[{\"data\":{\"failed\":0,\"broken\":0,\"skipped\":0,\"passed\":9,\"unknown\":0,\"total\":9}}]");
        Map<String, String> env = Map.of("OFFLOADKIT_SUITE", "checksum", "OFFLOADKIT_HISTORY", history.toString());
        assertEquals(script(work, env, "OFFLOADKIT_SHARD", "1/2", "run"), 0);
        assertEquals(script(work, env, "OFFLOADKIT_SHARD", "2/2", "run"), 0);
        assertTrue(Files.isRegularFile(work.resolve("out/shard-2/summary.json")));
        assertEquals(script(work, env, null, null, "merge"), 0);
        assertTrue(Files.isRegularFile(work.resolve("out/report/index.html")));
        JsonNode trend = new ObjectMapper().readTree(history.resolve("history-trend.json").toFile());
        assertEquals(trend.size(), 2, "the trend has this run after the earlier one, kept in the CI's folder: " + trend);
    }

    @Test
    public void theScriptEndsWithTheKitsExitStatus() throws Exception {
        Path work = Scratch.directory("offloadkit-ci-");
        Map<String, String> env = Map.of("OFFLOADKIT_SUITE", "checksum", "OFFLOADKIT_DUT", "mutant:sends-zero-udp-checksum");
        assertEquals(script(work, env, "OFFLOADKIT_SHARD", "1/1", "run"), 1, "a requirement failed");
        assertEquals(script(Scratch.directory("offloadkit-ci-"), Map.of(), null, null, "merge"), 2, "nothing to merge");
        assertEquals(script(work, Map.of(), null, null, "no-such-command"), 2);
    }

    /** Runs ci/run-offloadkit.sh in {@code work} with the kit of this build; returns its exit status. */
    private static int script(Path work, Map<String, String> env, String name, String value, String command) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", SCRIPT.toString(), command).directory(work.toFile()).redirectErrorStream(true);
        bash.environment().putAll(env);
        bash.environment().put("OFFLOADKIT_OUT", work.resolve("out").toString());
        if (name != null) {
            bash.environment().put(name, value);
        }
        // the kit as this build has it: the launcher would rebuild the jar the test phase has not made yet
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        bash.environment().put("OFFLOADKIT", String.join(" ", java, "--enable-native-access=ALL-UNNAMED",
                "-Doffloadkit.allure.cli=" + System.getProperty("offloadkit.allure.cli", ""), "-cp", System.getProperty("java.class.path"),
                OffloadKit.class.getName()));
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "ci/run-offloadkit.sh " + command + " took over 5 minutes");
        System.out.println("ci/run-offloadkit.sh " + command + " exited " + process.exitValue() + ":\n" + output);
        return process.exitValue();
    }

    private static String steps(JsonNode job) {
        return String.join("\n", job.get("steps").findValuesAsText("run"));
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
