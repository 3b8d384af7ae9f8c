package org.offloadkit.mutation;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.offloadkit.testing.Cli;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code offloadkit mutation} over the whole catalogue, run once: every mutant caught, by exactly the
 * requirements its bug breaks and as conformance failures, not faults; the reference adapter and every
 * equivalent mutant clean.
 */
public class MutationScoreTest {
    private int status;
    private String console;
    private JsonNode report;

    /** What {@code offloadkit mutation} printed and how it ended, and where it wrote. */
    private record Run(int status, String console, Path out) {}

    private static Run mutation(String... options) throws IOException {
        Path out = Scratch.directory("offloadkit-mutation-");
        List<String> args = new ArrayList<>(List.of("mutation", "--out", out.toString()));
        args.addAll(List.of(options));
        Cli.Outcome outcome = Cli.offloadkit(args.toArray(String[]::new));
        return new Run(outcome.status(), outcome.out() + outcome.err(), out);
    }

    @BeforeClass
    public void runTheCatalogue() throws IOException {
        Run run = mutation();
        status = run.status();
        console = run.console();
        System.out.println(console);
        report = new ObjectMapper().readTree(run.out().resolve("mutation.json").toFile());
    }

    @Test
    public void everyMutantIsCaughtAndTheReferenceAdapterIsClean() {
        assertEquals(status, 0, console);
        long mutants = Catalogue.mutants().size();
        assertTrue(mutants >= 25, "the catalogue has " + mutants + " mutants");
        assertTrue(console.contains("Mutation score: " + mutants + "/" + mutants + " caught (100%); reference adapter clean"), console);
        assertEquals(report.get("caught").asInt(), mutants);
        assertEquals(report.get("reference").get("failed").asInt() + report.get("reference").get("dutFaults").asInt(), 0);
        assertTrue(report.get("reference").get("results").asInt() > 1000, "the reference ran every suite a mutant runs");
    }

    @Test
    public void theConsoleShowsEachMutantAsItRunsWithWhatCaughtIt() {
        int n = Catalogue.ENTRIES.size();
        assertTrue(console.contains("[ 1/" + n + "]") && console.contains("[" + n + "/" + n + "]"), console);
        assertTrue(console.contains("sends-zero-udp-checksum") && console.contains("caught by CSUM-TX-06"), console);
        assertTrue(console.contains("each runs only the suites of the requirements it breaks"), "the console says how the run is cut");
    }

    @DataProvider
    public Object[][] entries() {
        return Catalogue.ENTRIES.stream().map(e -> new Object[] {e.name()}).toArray(Object[][]::new);
    }

    /** The detection test of each catalogue entry, read from the one mutation run. */
    @Test(dataProvider = "entries")
    public void eachMutantFailsExactlyWhatItBreaks(String name) {
        Catalogue.Entry entry = Catalogue.byName(name).orElseThrow();
        JsonNode outcome = outcome(name);
        Set<String> caughtBy = new HashSet<>();
        outcome.get("caughtBy").forEach(id -> caughtBy.add(id.asText()));
        if (entry.failsToStart()) {
            assertTrue(outcome.get("startFault").asText().contains("bug check 0x19E"), outcome.toString());
            return;
        }
        assertEquals(caughtBy, entry.breaks(), name + ": " + outcome);
        assertEquals(outcome.get("dutFaults").asInt() + outcome.get("kitErrors").asInt(), 0,
                "a conformance bug is a conformance failure, not a fault: " + outcome);
    }

    private JsonNode outcome(String name) {
        return Stream.concat(stream(report.get("mutants")), stream(report.get("equivalents")))
                .filter(o -> o.get("name").asText().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " did not run"));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }

    @Test
    public void aMutantTheSuiteCannotSeeSurvivesAndTheCommandFails() throws IOException {
        Run run = mutation("--suite", "rsc", "--mutant", "sends-zero-udp-checksum");
        assertEquals(run.status(), 1, run.console());
        assertTrue(run.console().contains("SURVIVED sends-zero-udp-checksum"), run.console());
        assertTrue(run.console().contains("Mutation score: 0/1 caught"), run.console());
    }

    @Test
    public void everyAreaHasAMutantTheSuitesCatch() {
        Set<Area> covered = EnumSet.noneOf(Area.class);
        Catalogue.mutants().forEach(m -> covered.add(m.area()));
        assertEquals(covered, EnumSet.allOf(Area.class));
    }

    @Test
    public void namesAreUniqueAndReadable() {
        Set<String> names = new HashSet<>();
        for (Catalogue.Entry e : Catalogue.ENTRIES) {
            assertTrue(names.add(e.name()), "duplicate " + e.name());
        }
        assertEquals(Catalogue.kebab("TcpChecksumWithoutPseudoHeader"), "tcp-checksum-without-pseudo-header");
        assertEquals(Catalogue.kebab("RxSkipsIpv4HeaderCheck"), "rx-skips-ipv4-header-check");
    }
}
