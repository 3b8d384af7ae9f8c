package org.offloadkit.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.offloadkit.conformance.Shard;
import org.offloadkit.conformance.Suites;
import org.offloadkit.report.Summary;
import org.offloadkit.testing.Cli;
import org.offloadkit.testing.Cli.Outcome;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;
import org.testng.xml.XmlSuite;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code run --shard K/N} and {@code merge}: the shards of a run split its results without overlap, together
 * they are the whole run, and their merge reads as the whole run's summary.
 */
public class ShardingTest {
    private static final int SHARDS = 3;
    private Path whole;
    private final List<Path> shards = new ArrayList<>();

    @BeforeClass
    public void runWholeAndSharded() throws IOException {
        whole = Scratch.directory("offloadkit-whole-");
        Outcome run = Cli.offloadkit("run", "--out", whole.toString(), "--no-report");
        assertEquals(run.status(), 0, run.out() + run.err());
        for (int k = 1; k <= SHARDS; k++) {
            Path out = Scratch.directory("offloadkit-shard-");
            Outcome shard = Cli.offloadkit("run", "--shard", k + "/" + SHARDS, "--out", out.toString(), "--no-report");
            assertEquals(shard.status(), 0, shard.out() + shard.err());
            shards.add(out);
        }
    }

    @Test
    public void theShardsResultsAreDisjointAndTogetherTheWholeRuns() throws IOException {
        Set<String> union = new HashSet<>();
        for (Path shard : shards) {
            Set<String> results = resultIds(shard);
            assertTrue(results.size() > 100, "every shard gets a fair part: " + results.size());
            for (String id : results) {
                assertTrue(union.add(id), id + " ran in two shards");
            }
        }
        assertEquals(union, resultIds(whole));
    }

    @Test
    public void theMergeReadsAsTheWholeRun() throws IOException {
        Path merged = Scratch.directory("offloadkit-merged-");
        List<String> args = new ArrayList<>(List.of("merge", "--out", merged.toString(), "--no-report"));
        shards.forEach(s -> args.add(s.toString()));
        Outcome merge = Cli.offloadkit(args.toArray(String[]::new));
        assertEquals(merge.status(), 0, merge.out() + merge.err());
        Summary all = Summary.read(whole.resolve("summary.json"));
        Summary joined = Summary.read(merged.resolve("summary.json"));
        assertEquals(joined.counts.total(), all.counts.total());
        assertEquals(joined.counts.passed, all.counts.passed);
        assertEquals(joined.requirements.keySet(), all.requirements.keySet());
        all.requirements.forEach((id, r) -> {
            assertEquals(joined.requirements.get(id).status, r.status, id);
            assertEquals(joined.requirements.get(id).results.total(), r.results.total(), id);
        });
        assertEquals(resultIds(merged), resultIds(whole), "the merged allure-results hold every result");
    }

    @Test
    public void aFailureInOneShardFailsTheMerge() throws IOException {
        Path one = Scratch.directory("offloadkit-shard-");
        Path two = Scratch.directory("offloadkit-shard-");
        String dut = "mutant:sends-zero-udp-checksum";
        Cli.offloadkit("run", "--suite", "checksum", "--dut", dut, "--shard", "1/2", "--out", one.toString(), "--no-report");
        Cli.offloadkit("run", "--suite", "checksum", "--dut", dut, "--shard", "2/2", "--out", two.toString(), "--no-report");
        Outcome merge = Cli.offloadkit("merge", "--out", Scratch.directory("offloadkit-merged-").toString(), "--no-report",
                one.toString(), two.toString());
        assertEquals(merge.status(), 1, merge.out() + merge.err());
        assertTrue(merge.out().contains("FAILED CSUM-TX-06"), merge.out());
    }

    @Test
    public void aMissingShardOrAWholeRunIsAUsageError() throws IOException {
        Outcome missing = Cli.offloadkit("merge", "--out", Scratch.directory("offloadkit-merged-").toString(), "--no-report",
                shards.get(0).toString(), shards.get(2).toString());
        assertEquals(missing.status(), 2);
        assertTrue(missing.err().contains("shard 2/3 is missing"), missing.err());
        Outcome notAShard = Cli.offloadkit("merge", "--out", Scratch.directory("offloadkit-merged-").toString(), whole.toString());
        assertEquals(notAShard.status(), 2);
        assertTrue(notAShard.err().contains("is a whole run, not a shard"), notAShard.err());
        Outcome bad = Cli.offloadkit("run", "--shard", "4/3", "--out", Scratch.directory("offloadkit-").toString());
        assertEquals(bad.status(), 2);
        assertTrue(bad.err().contains("--shard: a shard is K/N with 1 <= K <= N"), bad.err());
    }

    @Test
    public void methodsAreDealtOutTheSameWayEveryTime() {
        List<XmlSuite> suites = Suites.load("full");
        Set<String> all = new TreeSet<>();
        int dealt = 0;
        for (int k = 1; k <= 4; k++) {
            Set<String> part = new Shard(k, 4).select(suites);
            assertEquals(new Shard(k, 4).select(Suites.load("full")), part, "deterministic");
            assertTrue(part.size() > 5, "shard " + k + "/4 has " + part);
            all.addAll(part);
            dealt += part.size();
        }
        assertEquals(dealt, all.size(), "no method in two shards");
        assertEquals(all, new Shard(1, 1).select(suites));
        assertEquals(Shard.parse(" 2/5").toString(), "2/5");
        expectThrows(IllegalArgumentException.class, () -> Shard.parse("0/2"));
        expectThrows(IllegalArgumentException.class, () -> Shard.parse("two"));
    }

    /** Allure's id of each result: its test method and parameters. */
    private static Set<String> resultIds(Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(out.resolve("allure-results"))) {
            for (Path f : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                assertTrue(ids.add(json.readTree(f.toFile()).get("historyId").asText()), "one result per id in " + out);
            }
        }
        return ids;
    }
}
