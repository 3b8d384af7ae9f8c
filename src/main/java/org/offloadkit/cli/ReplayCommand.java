package org.offloadkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.offloadkit.conformance.ConformanceListener;
import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.RunConfig;
import org.offloadkit.framework.FrameworkProfile;
import org.offloadkit.conformance.replay.ReplayConformance;
import org.offloadkit.conformance.replay.ReplayLedger;
import org.offloadkit.dut.UnknownDutException;
import org.offloadkit.pcap.PcapException;
import org.offloadkit.pcap.PcapReader;
import org.offloadkit.replay.Offload;
import org.offloadkit.report.Summary;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay captures (pcap or pcapng) through an adapter: vectors for each offload",
                "derived from the traffic itself, judged by the same requirements as the corpus.",
                "",
                "  tx-checksum  each TCP/UDP packet as the stack hands it over (all Required)",
                "  rx-checksum  each packet as received, judged Valid or Invalid by the reference",
                "  lso, uso     in-order segments of a flow rebuilt into the large send they were",
                "               cut from, with the observed MSS",
                "  rsc          the TCP segments in capture order, in receive batches of 64",
                "",
                "Packets that give no vector (cut by the snap length, ARP, ICMP, fragments,",
                "captured before the sender's checksum offload, ...) are counted by reason in the",
                "report and summary.json. A capture that turns out corrupt is judged up to the",
                "corrupt record, and the error names the byte offset. See docs/replay.md.",
                "",
                "Writes under --out: allure-results/, report/index.html, summary.json."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing failed", "1:a requirement failed (conformance failure or DUT fault)",
                "2:usage or set-up error, or a capture that could not be read (wholly or from some byte on)",
                "3:the kit itself broke (kit error)"})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CAPTURE", arity = "1..*", description = "pcap or pcapng files.")
    List<Path> captures;

    @Option(names = "--filter", paramLabel = "BPF", description = "Replay only the packets this BPF filter (tcpdump's syntax) keeps; libpcap compiles it.")
    String filter;

    @Option(names = "--offloads", paramLabel = "LIST", defaultValue = "tx-checksum,rx-checksum,lso,uso,rsc",
            description = "Which offloads to derive vectors for, comma-separated (default: ${DEFAULT-VALUE}).")
    String offloads;

    @Mixin
    RunOptions options = new RunOptions();

    @Mixin
    AdapterClassPath classPath = new AdapterClassPath();

    @Mixin
    KeywordFiles keywordFiles = new KeywordFiles();

    @Override
    public Integer call() {
        for (Path capture : captures) {
            if (!Files.isRegularFile(capture)) {
                throw new SetupException("no capture at " + capture);
            }
        }
        try {
            Offload.parse(offloads);
        } catch (IllegalArgumentException e) {
            throw new SetupException(e.getMessage());
        }
        if (filter != null) {
            checkFilter();
        }
        RunConfig config = new RunConfig(options.dut, classPath.loader(), List.of(), options.out, options.timeout(), keywordFiles.keywords(),
                FrameworkProfile.DOCUMENTED, null);
        ReplayLedger.clear();
        Summary summary;
        try {
            summary = ConformanceRun.execute(config, List.of(suite(captures, filter, offloads)), System.out);
        } catch (UnknownDutException e) {
            throw new SetupException(e.getMessage());
        }
        RunCommand.printSummary(summary, options.out);
        for (ReplayLedger.Entry e : ReplayLedger.entries()) {
            if (e.error() != null) {
                System.out.println("  UNREADABLE " + e + ": " + e.error());
            }
        }
        if (!options.noReport) {
            RunCommand.report(options.out, options.dut);
        }
        int status = RunCommand.exitStatus(summary);
        return status == OffloadKit.OK && ReplayLedger.anyUnreadable() ? OffloadKit.USAGE : status;
    }

    /** libpcap compiles the filter; one it cannot compile is a usage error before anything runs. */
    private void checkFilter() {
        try (PcapReader reader = PcapReader.open(captures.get(0), filter)) {
            reader.linkType();
        } catch (PcapException | IllegalStateException e) {
            throw new SetupException(e.getMessage());
        }
    }

    /** The suite a replay runs: the kit's replay tests, given the captures as parameters, as a suite file would. */
    static XmlSuite suite(List<Path> captures, String filter, String offloads) {
        XmlSuite suite = new XmlSuite();
        suite.setName("replay");
        suite.setVerbose(0);
        suite.addListener(ConformanceListener.class.getName());
        XmlTest test = new XmlTest(suite);
        test.setName("Replay");
        test.setXmlClasses(List.of(new XmlClass(ReplayConformance.class)));
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("captures", captures.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(",")));
        if (filter != null) {
            parameters.put("filter", filter);
        }
        parameters.put("offloads", offloads);
        test.setParameters(parameters);
        return suite;
    }
}
