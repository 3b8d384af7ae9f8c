package org.offloadkit.conformance.framework;

import static org.offloadkit.spec.Layer3Flag.IPV4_NO_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV4_WITH_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_NO_EXTENSIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_WITH_EXTENSIONS;
import static org.offloadkit.spec.Layer4Flag.TCP_NO_OPTIONS;
import static org.offloadkit.spec.Layer4Flag.TCP_WITH_OPTIONS;
import static org.offloadkit.spec.Layer4Flag.UDP;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.DutSession;
import org.offloadkit.conformance.Verdict;
import org.offloadkit.framework.Advertisement;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.FailureCode;
import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.framework.OffloadConfigIndication;
import org.offloadkit.framework.PacketExtension;
import org.offloadkit.report.Evidence;
import org.offloadkit.report.Requirement;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumShapes;
import org.testng.annotations.Test;

import io.qameta.allure.Description;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * Capability advertisement and the verifier, CAP-01..15. Each verifier rule is judged twice: the DUT must not
 * break it (its own initialization raised no bug check with that failure code), and the framework must catch
 * it: a probe adapter does the forbidden thing and the test asserts bug check 0x19E with the right
 * parameters.
 */
@Epic("Framework")
@Feature("Capability advertisement")
public class AdvertisementConformance {

    private static final Consumer<NetAdapter> RX_ONLY = a -> a.setRxChecksumCapabilities(RxChecksumCapabilities.of(null));

    @Test
    @Requirement(value = "CAP-01", title = "Advertising after NetAdapterStart: bug check 0x19E, P1=3")
    @Description("Judged: the DUT advertises nothing after NetAdapterStart; the framework raises AdapterAlreadyStarted for a probe that does.")
    public void required_cap01_advertisingAfterStart() {
        dutKeeps("CAP-01", FailureCode.ADAPTER_ALREADY_STARTED, null, "advertised capabilities after NetAdapterStart");
        try (Probe probe = Probe.started("advertising late", Keywords.standardDefaults(), RX_ONLY)) {
            probe.call(a -> a.setTxChecksumCapabilities(TxChecksumCapabilities.of(Set.of(IPV4_NO_OPTIONS), Set.of(), 0, 0, null)));
            probe.assertBugCheck("CAP-01", "advertised Tx checksum after NetAdapterStart", FailureCode.ADAPTER_ALREADY_STARTED, null);
        }
    }

    @Test
    @Requirement(value = "CAP-02", title = "A Size other than sizeof the structure: P1=8, P2 the size given, P3 the size expected")
    @Description("Judged: the DUT's structures have their sizes; the framework raises InvalidStructTypeSize for each of the four structures a probe gives a wrong size.")
    public void required_cap02_structureSize() {
        dutKeeps("CAP-02", FailureCode.INVALID_STRUCT_TYPE_SIZE, null, "gave a structure a wrong Size");
        record Wrong(String what, int expected, Consumer<NetAdapter> call) {}
        List<Wrong> wrongs = List.of(
                new Wrong("Tx checksum", TxChecksumCapabilities.SIZE, a -> a.setTxChecksumCapabilities(new TxChecksumCapabilities(
                        TxChecksumCapabilities.SIZE - 8, new TxChecksumShapes(Set.of(IPV4_NO_OPTIONS), Set.of(), 0, 0), null))),
                new Wrong("Rx checksum", RxChecksumCapabilities.SIZE, a -> a.setRxChecksumCapabilities(new RxChecksumCapabilities(
                        RxChecksumCapabilities.SIZE + 8, null))),
                new Wrong("GSO", GsoCapabilities.SIZE, a -> a.setGsoCapabilities(new GsoCapabilities(GsoCapabilities.SIZE - 8,
                        GsoCapabilities.of(Set.of(IPV4_NO_OPTIONS), Set.of(TCP_NO_OPTIONS), 65536, 2, 0, null).shapes(), null))),
                new Wrong("RSC", RscCapabilities.SIZE, a -> a.setRscCapabilities(new RscCapabilities(RscCapabilities.SIZE - 4,
                        Set.of(IPV4_NO_OPTIONS), Set.of(TCP_NO_OPTIONS), false, null))));
        for (Wrong wrong : wrongs) {
            try (Probe probe = Probe.initialized("wrong " + wrong.what() + " size", Keywords.standardDefaults(), wrong.call())) {
                probe.assertBugCheck("CAP-02", "gave the " + wrong.what() + " structure a wrong Size", FailureCode.INVALID_STRUCT_TYPE_SIZE, (long) wrong.expected());
            }
        }
    }

    @Test
    @Requirement(value = "CAP-03", title = "An offload API called above PASSIVE_LEVEL: P1=1")
    @Description("Judged: the DUT calls no offload API from its datapath; the framework raises IrqlIsNotPassive for a probe that calls "
            + "NetAdapterPauseOffloadCapabilities from inside its transmit (DISPATCH_LEVEL in the kit's model).")
    public void required_cap03_passiveLevelOnly() {
        dutKeeps("CAP-03", FailureCode.IRQL_IS_NOT_PASSIVE, null, "called an offload API above PASSIVE_LEVEL");
        try (Probe probe = Probe.started("offload call from the datapath", Keywords.standardDefaults(), RX_ONLY)) {
            probe.onTransmit.add(() -> probe.call(NetAdapter::pauseOffloadCapabilities));
            try {
                probe.host.transmit(Frames.TCP_V4, Frames.TCP_V4_LAYOUT, org.offloadkit.spec.TxChecksum.PASSTHROUGH).result().await();
            } catch (org.offloadkit.framework.DutFault expected) {
                // the transmit that broke the rule is a fault of its own; the bug check is what is judged
            }
            probe.assertBugCheck("CAP-03", "paused its offloads from its transmit path", FailureCode.IRQL_IS_NOT_PASSIVE, null);
        }
    }

    @Test
    @Requirement(value = "CAP-04", title = "Tx checksum IPv4WithOptions without IPv4NoOptions: P1=91, P3=0")
    @Description("Judged: the DUT's Tx checksum advertisement; the framework's verifier on a probe that breaks the rule.")
    public void required_cap04_ipv4OptionsNeedPlainIpv4() {
        txChecksumRule("CAP-04", Set.of(IPV4_WITH_OPTIONS), Set.of(TCP_NO_OPTIONS), FailureCode.INVALID_TX_CHECKSUM_CAPABILITIES, 0L,
                "advertised Tx checksum IPv4WithOptions without IPv4NoOptions");
    }

    @Test
    @Requirement(value = "CAP-05", title = "Tx checksum IPv6WithExtensions without IPv6NoExtensions: P1=91, P3=1")
    @Description("Judged: the DUT's Tx checksum advertisement; the framework's verifier on a probe that breaks the rule.")
    public void required_cap05_ipv6ExtensionsNeedPlainIpv6() {
        txChecksumRule("CAP-05", Set.of(IPV4_NO_OPTIONS, IPV6_WITH_EXTENSIONS), Set.of(TCP_NO_OPTIONS),
                FailureCode.INVALID_TX_CHECKSUM_CAPABILITIES, 1L, "advertised Tx checksum IPv6WithExtensions without IPv6NoExtensions");
    }

    @Test
    @Requirement(value = "CAP-06", title = "Tx checksum TcpWithOptions without TcpNoOptions: P1=91, P3=2")
    @Description("Judged: the DUT's Tx checksum advertisement; the framework's verifier on a probe that breaks the rule.")
    public void required_cap06_tcpOptionsNeedPlainTcp() {
        txChecksumRule("CAP-06", Set.of(IPV4_NO_OPTIONS), Set.of(TCP_WITH_OPTIONS), FailureCode.INVALID_TX_CHECKSUM_CAPABILITIES, 2L,
                "advertised Tx checksum TcpWithOptions without TcpNoOptions");
    }

    @Test
    @Requirement(value = "CAP-07", title = "Tx checksum with no layer 3 and no layer 4 flag: P1=94")
    @Description("Judged: the DUT's Tx checksum advertisement; the framework's verifier on a probe that advertises no flag.")
    public void required_cap07_txChecksumNeedsAFlag() {
        txChecksumRule("CAP-07", Set.of(), Set.of(), FailureCode.INVALID_TX_CHECKSUM_HARDWARE_CAPABILITIES, null,
                "advertised Tx checksum with no flag");
    }

    @Test
    @Requirement(value = "CAP-08", title = "Tx checksum IPv6NoExtensions with no layer 4 flag and no IPv4NoOptions: P1=92")
    @Description("Judged: the DUT's Tx checksum advertisement; the framework's verifier on a probe that breaks the rule.")
    public void required_cap08_ipv6HeaderOnly() {
        txChecksumRule("CAP-08", Set.of(IPV6_NO_EXTENSIONS), Set.of(), FailureCode.INVALID_TX_CHECKSUM_IPV6_FLAGS, null,
                "advertised Tx checksum IPv6NoExtensions alone");
    }

    @Test
    @Requirement(value = "CAP-09", title = "GSO with a base layer 3 and layer 4 flag and MaximumOffloadSize 0: P1=42, P3=1")
    @Description("Judged: the DUT's GSO advertisement; the framework's verifier on a probe that breaks the rule.")
    public void required_cap09_gsoMaximumOffloadSize() {
        gsoRule("CAP-09", Set.of(IPV4_NO_OPTIONS), Set.of(TCP_NO_OPTIONS), 0, 2, FailureCode.INVALID_GSO_CAPABILITIES, 1L,
                "advertised GSO with MaximumOffloadSize 0");
    }

    @Test
    @Requirement(value = "CAP-10", title = "GSO with a base layer 3 and layer 4 flag and MinimumSegmentCount 0: P1=42, P3=2")
    @Description("Judged: the DUT's GSO advertisement; the framework's verifier on a probe that breaks the rule.")
    public void required_cap10_gsoMinimumSegmentCount() {
        gsoRule("CAP-10", Set.of(IPV6_NO_EXTENSIONS), Set.of(UDP), 65536, 0, FailureCode.INVALID_GSO_CAPABILITIES, 2L,
                "advertised GSO with MinimumSegmentCount 0");
    }

    @Test
    @Requirement(value = "CAP-11", title = "GSO TcpWithOptions without TcpNoOptions: P1=42, P3=3")
    @Description("Judged: the DUT's GSO advertisement; the framework's verifier on a probe that breaks the rule.")
    public void required_cap11_gsoTcpOptionsNeedPlainTcp() {
        gsoRule("CAP-11", Set.of(IPV4_NO_OPTIONS), Set.of(TCP_WITH_OPTIONS), 65536, 2, FailureCode.INVALID_GSO_CAPABILITIES, 3L,
                "advertised GSO TcpWithOptions without TcpNoOptions");
    }

    @Test
    @Requirement(value = "CAP-12", title = "GSO with no flags: P1=98")
    @Description("Judged: the DUT's GSO advertisement; the framework's verifier on a probe that advertises GSO without a flag.")
    public void required_cap12_gsoNeedsAFlag() {
        gsoRule("CAP-12", Set.of(), Set.of(), 65536, 2, FailureCode.INVALID_GSO_HARDWARE_CAPABILITIES, null, "advertised GSO with no flag");
    }

    @Test
    @Requirement(value = "CAP-13", title = "Rx checksum registration alone exposes IPv4, TCP and UDP receive checksums to NDIS")
    @Description("Judged on the framework: what NDIS is shown as the hardware's Rx checksum, for the DUT and for a probe that registers"
            + " Rx checksum and nothing else, without a single keyword.")
    public void required_cap13_rxRegistrationExposesEverything() {
        DutSession session = ConformanceRun.session();
        if (session.started() && session.host().advertisement().rxChecksum() != null) {
            rxExposed(session.host(), session.name());
        }
        try (Probe probe = Probe.started("Rx checksum only", Keywords.none(), RX_ONLY)) {
            rxExposed(probe.host, "a probe registering only Rx checksum");
        }
    }

    private static void rxExposed(AdapterHost host, String who) {
        OffloadConfigIndication hardware = host.miniportAttributes().get(0);
        if (!hardware.rxChecksum().equals(new RxChecksumOffload(true, true, true))) {
            throw Verdict.failure("CAP-13", "for " + who + " the framework showed NDIS " + hardware + "; an Rx checksum registration"
                    + " exposes IPv4, TCP and UDP receive checksums for both IP versions", () -> Evidence.text("NDIS attributes",
                    host.miniportAttributes().toString()));
        }
    }

    @Test
    @Requirement(value = "CAP-14", title = "Packet extensions: ms_packet_checksum once for checksums, ms_packet_gso, ms_packet_rsc, ms_packet_rsc_timestamp as advertised")
    @Description("Judged on the framework: the extensions it registered at start, against the rule, for the DUT's advertisement and for"
            + " probes advertising Tx and Rx checksum together, GSO alone, and RSC with and without TCP timestamps.")
    public void required_cap14_packetExtensions() {
        DutSession session = ConformanceRun.session();
        if (session.started()) {
            extensionsFollow(session.host(), session.name());
        }
        List<Consumer<NetAdapter>> probes = List.of(
                a -> {
                    a.setTxChecksumCapabilities(TxChecksumCapabilities.of(Set.of(IPV4_NO_OPTIONS), Set.of(TCP_NO_OPTIONS), 0, 0, null));
                    a.setRxChecksumCapabilities(RxChecksumCapabilities.of(null));
                },
                a -> a.setGsoCapabilities(GsoCapabilities.of(Set.of(IPV4_NO_OPTIONS), Set.of(TCP_NO_OPTIONS), 65536, 2, 0, null)),
                a -> a.setRscCapabilities(RscCapabilities.of(Set.of(IPV4_NO_OPTIONS), Set.of(TCP_NO_OPTIONS), true, null)),
                a -> a.setRscCapabilities(RscCapabilities.of(Set.of(IPV6_NO_EXTENSIONS), Set.of(TCP_NO_OPTIONS), false, null)));
        for (Consumer<NetAdapter> advertise : probes) {
            try (Probe probe = Probe.started("extensions", Keywords.standardDefaults(), advertise)) {
                extensionsFollow(probe.host, "a probe advertising " + probe.host.advertisement());
            }
        }
    }

    /** The rule of CAP-14, written out here as the spec states it. */
    private static void extensionsFollow(AdapterHost host, String who) {
        Advertisement ad = host.advertisement();
        List<String> expected = new ArrayList<>();
        if (ad.txChecksum() != null || ad.rxChecksum() != null) {
            expected.add("ms_packet_checksum v1 (1 B)");
        }
        if (ad.gso() != null) {
            expected.add("ms_packet_gso v1 (4 B)");
        }
        if (ad.rsc() != null) {
            expected.add("ms_packet_rsc v1 (4 B)");
            if (ad.rsc().tcpTimestampOption()) {
                expected.add("ms_packet_rsc_timestamp v1 (4 B)");
            }
        }
        List<String> registered = host.packetExtensions().stream().map(PacketExtension::toString).toList();
        if (!registered.equals(expected)) {
            throw Verdict.failure("CAP-14", "for " + who + " the framework registered " + registered + ", expected " + expected, () -> { });
        }
    }

    @Test
    @Requirement(value = "CAP-15", title = "Resume without pause: P1=97; pause or resume before start: P1=96")
    @Description("Judged: the DUT's own life cycle; the framework raises OffloadNotPaused and AdapterNotStarted for probes that resume"
            + " without pausing, pause before start and resume before start.")
    public void required_cap15_pauseAndResumeInOrder() {
        dutKeeps("CAP-15", FailureCode.OFFLOAD_NOT_PAUSED, null, "resumed its offloads without pausing them");
        dutKeeps("CAP-15", FailureCode.ADAPTER_NOT_STARTED, null, "paused or resumed its offloads before NetAdapterStart");
        try (Probe probe = Probe.started("resume without pause", Keywords.standardDefaults(), RX_ONLY)) {
            probe.call(NetAdapter::resumeOffloadCapabilities);
            probe.assertBugCheck("CAP-15", "resumed its offloads without pausing them", FailureCode.OFFLOAD_NOT_PAUSED, null);
        }
        try (Probe probe = Probe.initialized("pause before start", Keywords.standardDefaults(), NetAdapter::pauseOffloadCapabilities)) {
            probe.assertBugCheck("CAP-15", "paused its offloads before NetAdapterStart", FailureCode.ADAPTER_NOT_STARTED, null);
        }
        try (Probe probe = Probe.initialized("resume before start", Keywords.standardDefaults(), NetAdapter::resumeOffloadCapabilities)) {
            probe.assertBugCheck("CAP-15", "resumed its offloads before NetAdapterStart", FailureCode.ADAPTER_NOT_STARTED, null);
        }
        try (Probe probe = Probe.started("pause then resume", Keywords.standardDefaults(), RX_ONLY)) {
            probe.call(NetAdapter::pauseOffloadCapabilities);
            probe.call(NetAdapter::resumeOffloadCapabilities);
            if (probe.bugCheck().isPresent()) {
                throw Verdict.failure("CAP-15", "a probe that paused and then resumed its offloads got " + probe.bugCheck().get(), () -> { });
            }
        }
    }

    // ---------------------------------------------------------------- shared

    /** Fails the requirement when the DUT's own driver code raised this bug check. */
    private static void dutKeeps(String requirement, FailureCode code, Long parameter3, String rule) {
        DutSession session = ConformanceRun.session();
        session.bugCheck().filter(c -> c.failure() == code && (parameter3 == null || c.parameter3() == parameter3)).ifPresent(c -> {
            throw Verdict.failure(requirement, session.name() + " " + rule + ": the framework raised " + c,
                    () -> Evidence.text("bug check", c.toString()));
        });
    }

    private static void txChecksumRule(String requirement, Set<Layer3Flag> layer3, Set<Layer4Flag> layer4, FailureCode code,
                                       Long parameter3, String what) {
        dutKeeps(requirement, code, parameter3, what);
        try (Probe probe = Probe.initialized(what, Keywords.standardDefaults(),
                a -> a.setTxChecksumCapabilities(TxChecksumCapabilities.of(layer3, layer4, 0, 0, null)))) {
            probe.assertBugCheck(requirement, what, code, parameter3);
        }
    }

    private static void gsoRule(String requirement, Set<Layer3Flag> layer3, Set<Layer4Flag> layer4, long maximumOffloadSize,
                                long minimumSegmentCount, FailureCode code, Long parameter3, String what) {
        dutKeeps(requirement, code, parameter3, what);
        try (Probe probe = Probe.initialized(what, Keywords.standardDefaults(), a -> a.setGsoCapabilities(
                GsoCapabilities.of(layer3, layer4, maximumOffloadSize, minimumSegmentCount, 0, null)))) {
            probe.assertBugCheck(requirement, what, code, parameter3);
        }
    }
}
