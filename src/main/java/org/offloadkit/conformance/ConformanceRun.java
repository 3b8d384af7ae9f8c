package org.offloadkit.conformance;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.offloadkit.corpus.ChecksumCorpus;
import org.offloadkit.corpus.GsoCorpus;
import org.offloadkit.corpus.RscCorpus;
import org.offloadkit.dut.DutRegistry;
import org.offloadkit.dut.DutRegistry.ResolvedDut;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.FrameworkProfile;
import org.offloadkit.framework.Keywords;
import org.offloadkit.reference.RscProfile;
import org.offloadkit.report.AllureResults;
import org.offloadkit.report.Folders;
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
        // each area's suite names the listener so it runs alone too; TestNG registers listeners once a run
        Set<String> listeners = new HashSet<>();
        suites.forEach(suite -> suite.getListeners().removeIf(listener -> !listeners.add(listener)));
        Path results = config.results();
        Folders.deleteRecursively(results);
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        long started = System.nanoTime();
        Duration timeout = config.timeout() != null ? config.timeout() : dut.provider().timeout();
        try (DutSession session = DutSession.open(dut, config.keywords(), timeout, config.profile())) {
            Summary summary = describe(session, timeout, results, config.keywords());
            active = new Active(session, summary, console);
            console.println("OffloadKit: " + session.name() + " - " + (session.started()
                    ? session.host().advertisement() : session.startFault().getMessage()));
            console.printf("Seeds: checksum corpus 0x%x, coalescing corpus 0x%x, segmentation corpus 0x%x (inputs are generated "
                    + "from them and every evidence pcap carries a fixed time, so a run repeats byte for byte)%n",
                    summary.corpusSeed, RscCorpus.shippedSeed(), GsoCorpus.shippedSeed());
            TestNG testng = new TestNG(false);
            testng.setXmlSuites(suites);
            testng.setOutputDirectory(config.out().resolve("testng").toString());
            testng.setVerbose(0);
            if (config.shard() != null) {
                summary.shard = config.shard().toString();
                testng.setMethodInterceptor(config.shard().interceptor(suites));
            }
            Thread interruption = new Thread(() -> {
                summary.interrupted = "the run was stopped (SIGTERM or Ctrl-C) after " + summary.counts.total() + " results";
                summary.wallSeconds = (System.nanoTime() - started) / 1e9;
                summary.write(config.summaryFile());
                console.println("\nOffloadKit: stopped; " + config.summaryFile() + " holds the " + summary.counts.total()
                        + " results so far");
            }, "offloadkit-interrupted");
            Runtime.getRuntime().addShutdownHook(interruption);
            try {
                testng.run();
            } finally {
                removeHook(interruption);
            }
            summary.suiteSeconds = (System.nanoTime() - started) / 1e9;
            summary.wallSeconds = summary.suiteSeconds;
            describeDevice(session, summary);
            if (session.started()) {
                summary.softwareFallback = session.host().fallbackCounts().snapshot();
                summary.environment.put("Software fallback", summary.softwareFallback.toString());
            }
            AllureResults.writeEnvironment(results, summary.environment);
            summary.write(config.summaryFile());
            return summary;
        } finally {
            active = null;
            Allure.setLifecycle(previous);
        }
    }

    /** The run ended by itself: its summary is written as it ends, not by the hook. */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook is running or has run
        }
    }

    /** Starts a run for a suite launched by TestNG itself; the suite's parameters name the DUT. */
    static Active startForSuite(String dutName, PrintStream console) {
        ResolvedDut dut = DutRegistry.ofKitClassPath().resolve(dutName);
        Duration timeout = dut.provider().timeout();
        FrameworkProfile profile = FrameworkProfile.named(System.getProperty("offloadkit.framework", "documented"))
                .orElseThrow(() -> new IllegalArgumentException("-Doffloadkit.framework: one of " + List.of(FrameworkProfile.values())));
        DutSession session = DutSession.open(dut, Keywords.standardDefaults(), timeout, profile);
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
        AllureResults.writeEnvironment(results, environment(session, summary, timeout, keywords));
        AllureResults.writeCategories(results);
        AllureResults.writeExecutor(results, "OffloadKit " + version() + " against " + session.name(), reportName(session.name()));
        return summary;
    }

    /** What the DUT tells of itself once the run is over (DeviceUnderTest.details), added to the environment and the summary. */
    private static void describeDevice(DutSession session, Summary summary) {
        Map<String, String> details = session.deviceDetails();
        if (!details.isEmpty()) {
            summary.dutDetails = new LinkedHashMap<>(details);
            summary.environment.putAll(details);
        }
    }

    private static Map<String, String> environment(DutSession session, Summary summary, Duration timeout, Keywords keywords) {
        summary.dut = session.name();
        FrameworkProfile profile = session.profile();
        summary.frameworkProfile = profile.label;
        summary.corpusSeed = ChecksumCorpus.load().seed();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DUT", session.name());
        if (session.started()) {
            AdapterHost host = session.host();
            summary.advertised = host.advertisement().toString();
            environment.put("Packet extensions", host.packetExtensions().toString());
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
            session.bugCheck().ifPresent(check -> environment.put("Bug check", check.toString()));
            environment.put("DUT failed to start", session.startFault().getMessage());
        }
        environment.put("Keywords", keywords.toString());
        environment.put("Framework behaviour", profile.label + " (" + profile.description + "; docs/framework.md)");
        environment.put("Checksum corpus seed", "0x" + Long.toHexString(summary.corpusSeed));
        environment.put("Coalescing corpus seed", "0x" + Long.toHexString(RscCorpus.shippedSeed()));
        environment.put("Coalescing rules", RscProfile.NDIS + " (docs/rsc-profiles.md: the kit's choices where the spec is open)");
        environment.put("Segmentation corpus seed", "0x" + Long.toHexString(GsoCorpus.shippedSeed()));
        environment.put("DUT answer timeout", timeout.toMillis() + " ms");
        environment.put("OffloadKit", version());
        environment.put("Java", System.getProperty("java.version"));
        summary.environment = environment;
        return environment;
    }

    /** The report's title for a DUT. */
    public static String reportName(String dut) {
        return "OffloadKit: " + dut;
    }

    public static String version() {
        String v = ConformanceRun.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
