package org.offloadkit.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.offloadkit.corpus.ChecksumCorpus;
import org.offloadkit.corpus.GsoCorpus;
import org.offloadkit.corpus.RscCorpus;
import org.offloadkit.dut.DutRegistry;
import org.offloadkit.dut.DutRegistry.ResolvedDut;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.Keywords;
import org.offloadkit.reference.RscProfile;
import org.offloadkit.report.AllureResults;
import org.offloadkit.report.Summary;
import org.testng.TestNG;
import org.testng.xml.XmlSuite;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;

/**
 * A conformance run: one DUT, some suites, one results folder. The command line and the project's own
 * tests start runs here; a suite XML run straight from TestNG (mvn test -Dsuite=suites/checksum.xml)
 * gets one from {@link ConformanceListener}.
 */
public final class ConformanceRun {

    /** The run in progress; the conformance tests reach their DUT through it. */
    record Active(DutSession session, Summary summary, PrintStream console) {}

    private static volatile Active active;

    private ConformanceRun() {}

    /** The DUT session of the run in progress. */
    public static DutSession session() {
        Active a = active;
        if (a == null) {
            throw new IllegalStateException("no conformance run in progress: start one with ./offloadkit run");
        }
        return a.session();
    }

    static Active active() {
        return active;
    }

    /** Counts one judgement in summary.json, for tests that judge many vectors in one result (replay). */
    public static void record(String requirement, String title, Summary.Outcome outcome, String message) {
        Active a = active;
        if (a != null) {
            a.summary().record(requirement, title, outcome, message);
        }
    }

    /** Adds a line about the run to summary.json (replay: what each capture's packets were used for or why not). */
    public static void note(String key, String text) {
        Active a = active;
        if (a != null) {
            a.summary().notes.put(key, text);
        }
    }

    /** Where the run prints progress. */
    public static PrintStream console() {
        Active a = active;
        return a == null ? System.out : a.console();
    }

    /**
     * Runs the suites against the DUT and writes allure-results/ and summary.json under the output folder.
     * Set-up errors (an unknown DUT or suite) throw before anything runs.
     */
    public static Summary execute(RunConfig config, PrintStream console) {
        List<XmlSuite> suites = new ArrayList<>();
        for (String suite : config.suites()) {
            suites.addAll(Suites.load(suite));
        }
        return execute(config, suites, console);
    }

    /** Runs suites built in code (as replay builds one for its captures); the config's suite names are not read. */
    public static Summary execute(RunConfig config, List<XmlSuite> suites, PrintStream console) {
        ResolvedDut dut = new DutRegistry(config.loader()).resolve(config.dut());
        Path results = config.results();
        deleteRecursively(results);
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        long started = System.nanoTime();
        Duration timeout = config.timeout() != null ? config.timeout() : dut.provider().timeout();
        try (DutSession session = DutSession.open(dut, config.keywords(), timeout)) {
            Summary summary = describe(session, timeout, results, config.keywords());
            active = new Active(session, summary, console);
            console.println("OffloadKit: " + session.name() + " - " + (session.started()
                    ? session.host().advertisement() : session.startFault().getMessage()));
            TestNG testng = new TestNG(false);
            testng.setXmlSuites(suites);
            testng.setOutputDirectory(config.out().resolve("testng").toString());
            testng.setVerbose(0);
            testng.run();
            summary.wallSeconds = (System.nanoTime() - started) / 1e9;
            summary.write(config.summaryFile());
            return summary;
        } finally {
            active = null;
            Allure.setLifecycle(previous);
        }
    }

    /** Starts a run for a suite launched by TestNG itself; the suite's parameters name the DUT. */
    static Active startForSuite(String dutName, PrintStream console) {
        ResolvedDut dut = DutRegistry.ofKitClassPath().resolve(dutName);
        Duration timeout = dut.provider().timeout();
        DutSession session = DutSession.open(dut, Keywords.standardDefaults(), timeout);
        Path results = Path.of(System.getProperty("allure.results.directory", "target/allure-results"));
        Active a = new Active(session, describe(session, timeout, results, Keywords.standardDefaults()), console);
        active = a;
        return a;
    }

    static void finishSuiteRun(Active owned) {
        if (active == owned) {
            active = null;
            owned.session().close();
        }
    }

    private static Summary describe(DutSession session, Duration timeout, Path results, Keywords keywords) {
        Summary summary = new Summary();
        summary.dut = session.name();
        summary.corpusSeed = ChecksumCorpus.load().seed();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DUT", session.name());
        if (session.started()) {
            AdapterHost host = session.host();
            summary.advertised = host.advertisement().toString();
            environment.put("Advertised Tx checksum", String.valueOf(host.advertisement().txChecksum()));
            environment.put("Advertised Rx checksum", String.valueOf(host.advertisement().rxChecksum()));
            environment.put("Active Tx checksum at start", host.activeTxChecksum().toString());
            environment.put("Active Rx checksum at start", host.activeRxChecksum().toString());
            environment.put("Advertised GSO", String.valueOf(host.advertisement().gso()));
            environment.put("Active GSO at start", host.activeGso().toString());
            environment.put("Advertised RSC", String.valueOf(host.advertisement().rsc()));
            environment.put("Active RSC at start", host.activeRsc().toString());
        } else {
            summary.startFault = session.startFault().getMessage();
            environment.put("DUT failed to start", session.startFault().getMessage());
        }
        environment.put("Keywords", keywords.toString());
        environment.put("Framework behaviour", "documented (active sets within advertised hardware capabilities)");
        environment.put("Checksum corpus seed", "0x" + Long.toHexString(summary.corpusSeed));
        environment.put("Coalescing corpus seed", "0x" + Long.toHexString(RscCorpus.shippedSeed()));
        environment.put("Coalescing rules", RscProfile.NDIS + " (docs/rsc-profiles.md: the kit's choices where the spec is open)");
        environment.put("Segmentation corpus seed", "0x" + Long.toHexString(GsoCorpus.shippedSeed()));
        environment.put("DUT answer timeout", timeout.toMillis() + " ms");
        environment.put("OffloadKit", version());
        environment.put("Java", System.getProperty("java.version"));
        AllureResults.writeEnvironment(results, environment);
        AllureResults.writeCategories(results);
        AllureResults.writeExecutor(results, "OffloadKit " + version() + " against " + session.name(), reportName(session.name()));
        return summary;
    }

    /** The report's title for a DUT. */
    public static String reportName(String dut) {
        return "OffloadKit: " + dut;
    }

    public static String version() {
        String v = ConformanceRun.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }
}
