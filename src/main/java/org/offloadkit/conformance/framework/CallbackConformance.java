package org.offloadkit.conformance.framework;

import static org.offloadkit.spec.Layer3Flag.IPV4_NO_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_NO_EXTENSIONS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.DutSession;
import org.offloadkit.conformance.Verdict;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.Advertisement;
import org.offloadkit.framework.CallbackDelivery;
import org.offloadkit.framework.DutFault;
import org.offloadkit.framework.FrameworkProfile;
import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.framework.OffloadConfigIndication;
import org.offloadkit.framework.Transmission;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.report.Evidence;
import org.offloadkit.report.Requirement;
import org.offloadkit.spec.ChecksumParameter;
import org.offloadkit.spec.ChecksumTarget;
import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.SwitchParameter;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxChecksumOffload;
import org.offloadkit.spec.TxChecksumShapes;
import org.testng.SkipException;
import org.testng.annotations.Test;

import io.qameta.allure.Description;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * Active capabilities and their callbacks, ACT-01..07 (spec section 5 steps 2, 6 and 7). What the DUT is
 * called with is read from the framework's log of callback rounds; that the DUT applies it is seen on its
 * datapath, awaited under its timeout. Each test works on a second instance of the DUT or on a probe, so the
 * other suites' DUT keeps its switches.
 */
@Epic("Framework")
@Feature("Active capabilities")
public class CallbackConformance {

    @Test
    @Requirement(value = "ACT-01", title = "At start each registered callback is called once, with the keyword-filtered default set, before any traffic")
    @Description("Judged on the framework: the DUT started under *TCPChecksumOffloadIPv6=0 and *RscIPv6=0; its first callback round"
            + " is the start, calls each callback it registered once, before any packet, and carries the default set: no TCP over IPv6"
            + " and no IPv6 RSC; within the advertisement as documented, the whole default set under netadaptercx-2100.")
    public void required_act01_defaultSetAtStart() {
        Keywords keywords = Keywords.standardDefaults().with("*TCPChecksumOffloadIPv6", "0", "ACT-01").with("*RscIPv6", "0", "ACT-01");
        try (DutSession dut = second(keywords)) {
            AdapterHost host = dut.host();
            Advertisement ad = host.advertisement();
            List<CallbackDelivery> rounds = host.callbackDeliveries();
            CallbackDelivery start = rounds.isEmpty() ? null : rounds.get(0);
            if (start == null || !start.cause().equals("start") || start.sequence() != 1) {
                throw Verdict.failure("ACT-01", "the first callback round was " + start + ", expected the start", () -> { });
            }
            List<String> wrong = new ArrayList<>();
            registered(wrong, "Tx checksum", ad.txChecksum() != null && ad.txChecksum().evtSetTxChecksum() != null, start.txChecksum());
            registered(wrong, "Rx checksum", ad.rxChecksum() != null && ad.rxChecksum().evtSetRxChecksum() != null, start.rxChecksum());
            registered(wrong, "GSO", ad.gso() != null && ad.gso().evtSetGso() != null, start.gso());
            registered(wrong, "RSC", ad.rsc() != null && ad.rsc().evtSetRsc() != null, start.rsc());
            boolean masked = dut.profile() == FrameworkProfile.DOCUMENTED;
            if (start.txChecksum() != null) {
                TxChecksumShapes tcp = start.txChecksum().tcp();
                if (tcp.has(IPV6_NO_EXTENSIONS) || tcp.has(Layer3Flag.IPV6_WITH_EXTENSIONS)) {
                    wrong.add("the TCP set has IPv6 flags with *TCPChecksumOffloadIPv6=0: " + tcp);
                }
                Set<Layer3Flag> defaultV4 = EnumSet.of(IPV4_NO_OPTIONS, Layer3Flag.IPV4_WITH_OPTIONS);
                if (masked) {
                    defaultV4.retainAll(ad.txChecksum().shapes().layer3Flags());
                }
                if (!tcp.layer3Flags().equals(defaultV4) && !(masked && !ad.txChecksum().shapes().has(Layer4Flag.TCP_NO_OPTIONS))) {
                    wrong.add("the TCP set's layer 3 flags are " + tcp.layer3Flags() + ", expected " + defaultV4);
                }
            }
            if (start.rsc() != null && start.rsc().isTcpRscIPv6Enabled()) {
                wrong.add("IPv6 RSC is on with *RscIPv6=0: " + start.rsc());
            }
            if (masked) {
                outsideAdvertisement(wrong, ad, start);
            }
            if (!wrong.isEmpty()) {
                throw Verdict.failure("ACT-01", "at start: " + String.join("; ", wrong), () -> Evidence.text("callback rounds", rounds.toString()));
            }
        }
    }

    private static void registered(List<String> wrong, String what, boolean registered, Object called) {
        if (registered && called == null) {
            wrong.add("the " + what + " callback was not called");
        }
    }

    @Test
    @Requirement(value = "ACT-02", title = "OID_TCP_OFFLOAD_PARAMETERS shorter than revision 3: STATUS_INVALID_PARAMETER")
    @Description("Judged on the framework: a request one byte short, to a second instance of the DUT, is refused, changes nothing, calls"
            + " nothing back and indicates nothing.")
    public void required_act02_shortRequestRefused() {
        try (DutSession dut = second(ConformanceRun.session().host().keywords())) {
            AdapterHost host = dut.host();
            OffloadParameters shortRequest = new OffloadParameters(OffloadParameters.REVISION_3_SIZE - 1,
                    Map.of(ChecksumTarget.TCP_IPV4, ChecksumParameter.TX_RX_DISABLED), Map.of(SwitchField.RSC_IPV4, SwitchParameter.DISABLED));
            TxChecksumOffload before = host.activeTxChecksum();
            NdisStatus status = host.request(shortRequest).status();
            if (status != NdisStatus.INVALID_PARAMETER || !host.activeTxChecksum().equals(before) || host.callbackDeliveries().size() != 1
                    || !host.configIndications().isEmpty()) {
                throw Verdict.failure("ACT-02", "a request of " + shortRequest.length() + " bytes (revision 3 is " + OffloadParameters.REVISION_3_SIZE
                        + ") was answered " + status + " with " + (host.callbackDeliveries().size() - 1) + " callback rounds and "
                        + host.configIndications().size() + " indications; expected STATUS_INVALID_PARAMETER and nothing else", () -> { });
            }
        }
    }

    @Test
    @Requirement(value = "ACT-03", title = "Enabling what the default set lacks: STATUS_NOT_SUPPORTED (TCP/UDP checksum: when both versions ask)")
    @Description("Judged on the framework, through a probe advertising everything: the answers to enabling what keywords switched off, as"
            + " the run's behaviour profile has it (documented: every field on its own; netadaptercx-2100: TCP and UDP only when both IP"
            + " versions ask, LSO over IPv6 never while an LSO keyword exists).")
    public void required_act03_notSupported() {
        FrameworkProfile profile = ConformanceRun.session().profile();
        boolean documented = profile == FrameworkProfile.DOCUMENTED;
        record Case(String keyword, OffloadParameters request, NdisStatus expected) {}
        List<Case> cases = List.of(
                new Case("*RscIPv4", OffloadParameters.switches(SwitchParameter.ENABLED, SwitchField.RSC_IPV4), NdisStatus.NOT_SUPPORTED),
                new Case("*UsoIPv6", OffloadParameters.switches(SwitchParameter.ENABLED, SwitchField.USO_IPV6), NdisStatus.NOT_SUPPORTED),
                new Case("*LsoV2IPv4", OffloadParameters.switches(SwitchParameter.ENABLED, SwitchField.LSO_V2_IPV4), NdisStatus.NOT_SUPPORTED),
                new Case("*LsoV2IPv6", OffloadParameters.switches(SwitchParameter.ENABLED, SwitchField.LSO_V2_IPV6),
                        documented ? NdisStatus.NOT_SUPPORTED : NdisStatus.SUCCESS),
                new Case("*IPChecksumOffloadIPv4", OffloadParameters.checksum(ChecksumParameter.TX_ENABLED_RX_DISABLED, ChecksumTarget.IPV4_HEADER),
                        NdisStatus.NOT_SUPPORTED),
                new Case("*TCPChecksumOffloadIPv6", OffloadParameters.checksum(ChecksumParameter.TX_ENABLED_RX_DISABLED, ChecksumTarget.TCP_IPV6),
                        documented ? NdisStatus.NOT_SUPPORTED : NdisStatus.SUCCESS),
                new Case("*TCPChecksumOffloadIPv6", OffloadParameters.checksum(ChecksumParameter.TX_ENABLED_RX_DISABLED, ChecksumTarget.TCP_IPV4,
                        ChecksumTarget.TCP_IPV6), NdisStatus.NOT_SUPPORTED),
                new Case("*UDPChecksumOffloadIPv4", OffloadParameters.checksum(ChecksumParameter.RX_ENABLED_TX_DISABLED, ChecksumTarget.UDP_IPV4,
                        ChecksumTarget.UDP_IPV6), NdisStatus.NOT_SUPPORTED),
                new Case("*RscIPv6", OffloadParameters.switches(SwitchParameter.ENABLED, SwitchField.RSC_IPV4), NdisStatus.SUCCESS));
        for (Case c : cases) {
            try (Probe probe = Probe.started("ACT-03", Keywords.standardDefaults().with(c.keyword(), "0", "ACT-03"), FullAdvertisement.EVERYTHING)) {
                NdisStatus status = probe.host.request(c.request()).status();
                if (status != c.expected()) {
                    throw Verdict.failure("ACT-03", "with " + c.keyword() + "=0, " + c.request() + " was answered " + status + ", expected "
                            + c.expected() + " (" + profile + ")", () -> { });
                }
            }
        }
    }

    @Test
    @Requirement(value = "ACT-04", title = "After a change the callbacks stay within the advertisement, with the hardware's sizes, and the DUT applies them")
    @Description("Judged on the framework: after requests that switch offloads off, each callback holds no flag the DUT did not advertise,"
            + " GSO's MaximumOffloadSize, MinimumSegmentCount and layer 4 offset limit and RSC's TcpTimestampOption are the hardware's, and"
            + " the Tx checksum offset limits 0. Judged on the DUT: its datapath follows, awaited under its timeout: with Rx checksum off"
            + " it indicates NotChecked, with it back on Valid again; with Tx TCP checksum off the stack checksums and the DUT, handed"
            + " Passthrough, sends the frame as it is.")
    public void required_act04_changesAreNarrowedAndApplied() {
        try (DutSession dut = second(ConformanceRun.session().host().keywords())) {
            AdapterHost host = dut.host();
            Advertisement ad = host.advertisement();
            boolean rx = ad.rxChecksum() != null;
            if (rx) {
                awaitRx(dut, RxChecksumEvaluation.VALID, "validate IPv4 and TCP checksums under the default set");
                request(dut, checksumRequest(host, false));
                awaitRx(dut, RxChecksumEvaluation.NOT_CHECKED, "stop validating once the Rx checksum callback switched it off");
                request(dut, checksumRequest(host, true));
                awaitRx(dut, RxChecksumEvaluation.VALID, "validate again once the Rx checksum callback switched it back on");
            }
            request(dut, OffloadParameters.switches(SwitchParameter.DISABLED, SwitchField.LSO_V2_IPV6, SwitchField.RSC_IPV6));
            if (ad.txChecksum() != null && host.activeTxChecksum().isTcpEnabled()) {
                request(dut, OffloadParameters.checksum(ChecksumParameter.TX_RX_DISABLED, ChecksumTarget.TCP_IPV4, ChecksumTarget.TCP_IPV6));
                stackChecksumsWhatIsOff(dut);
            }
            List<String> wrong = new ArrayList<>();
            List<CallbackDelivery> rounds = host.callbackDeliveries();
            for (CallbackDelivery round : rounds.subList(1, rounds.size())) {
                outsideAdvertisement(wrong, ad, round);
                hardwareValues(wrong, ad, round, host.keywords());
            }
            if (!wrong.isEmpty()) {
                throw Verdict.failure("ACT-04", String.join("; ", wrong), () -> Evidence.text("callback rounds", rounds.toString()));
            }
        }
    }

    /** Every checksum target's Rx switched on or off, its Tx left as it is. */
    private static OffloadParameters checksumRequest(AdapterHost host, boolean rx) {
        Map<ChecksumTarget, ChecksumParameter> fields = new EnumMap<>(ChecksumTarget.class);
        for (ChecksumTarget target : ChecksumTarget.values()) {
            fields.put(target, ChecksumParameter.of(host.checksumSwitches().tx(target), rx));
        }
        return OffloadParameters.checksum(fields);
    }

    private static void request(DutSession dut, OffloadParameters parameters) {
        AdapterHost.StackRequest answer = dut.host().request(parameters);
        if (answer.status() != NdisStatus.SUCCESS) {
            throw new IllegalStateException("the framework answered " + answer.status() + " to " + parameters);
        }
        answer.callbacks().await();
    }

    private static void awaitRx(DutSession dut, RxChecksumEvaluation expected, String what) {
        List<RxChecksum> seen = new ArrayList<>();
        Callable<Boolean> follows = () -> {
            List<RxIndication> indications = dut.host().receive(List.of(Frames.TCP_V4)).toStack();
            RxChecksum checksum = indications.size() == 1 ? indications.get(0).checksum() : null;
            seen.add(checksum);
            return checksum != null && checksum.layer3() == expected && checksum.layer4() == expected;
        };
        try {
            Awaitility.await(what).atMost(dut.timeout()).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .pollInSameThread().until(follows);
        } catch (ConditionTimeoutException e) {
            throw Verdict.failure("ACT-04", dut.name() + " did not " + what + " within " + dut.timeout().toMillis() + " ms: "
                    + seen.size() + " receives of a valid TCP/IPv4 frame were indicated " + seen.stream().distinct().toList()
                    + ", expected L3 " + expected + " L4 " + expected + " (its callbacks: " + dut.host().callbackDeliveries() + ")",
                    () -> Evidence.frames("input", List.of(Frames.TCP_V4)));
        }
    }

    /** With Tx TCP checksum off NDIS shows it off, so the stack checksums the segment itself and asks Passthrough. */
    private static void stackChecksumsWhatIsOff(DutSession dut) {
        byte[] unfinished = Frames.TCP_V4.clone();
        byte[] byTheStack = TxChecksumEngine.apply(unfinished, Frames.TCP_V4_LAYOUT, new TxChecksum(TxChecksumAction.REQUIRED, TxChecksumAction.REQUIRED));
        Transmission sent = dut.host().transmit(byTheStack, Frames.TCP_V4_LAYOUT, TxChecksum.PASSTHROUGH);
        byte[] wire;
        try {
            wire = sent.result().await().frames().get(0);
        } catch (DutFault | IndexOutOfBoundsException e) {
            throw Verdict.failure("ACT-04", dut.name() + " sent nothing for a Passthrough segment after Tx TCP checksum was switched off: " + e.getMessage(),
                    () -> Evidence.frames("input", List.of(byTheStack)));
        }
        Verdict.sameFrame("ACT-04", "Tx TCP checksum off", "With Tx TCP checksum off the stack checksums the segment; handed Passthrough,"
                + " the DUT sends it as it is.", byTheStack, byTheStack, wire, Set.of());
    }

    @Test
    @Requirement(value = "ACT-05", title = "Each accepted change is followed by NDIS_STATUS_TASK_OFFLOAD_CURRENT_CONFIG with the requested set")
    @Description("Judged on the framework: a second instance of the DUT is asked to switch Tx and Rx TCP checksum over IPv6 off; the framework"
            + " indicates the current config once, with TCP over IPv4 only and Rx TCP still on (the IPv4 switch; netadaptercx-2100:"
            + " TCP off for both versions, spec 7 item 4), and a refused request indicates nothing.")
    public void required_act05_currentConfigIndicated() {
        try (DutSession dut = second(Keywords.standardDefaults())) {
            AdapterHost host = dut.host();
            request(dut, OffloadParameters.checksum(ChecksumParameter.TX_RX_DISABLED, ChecksumTarget.TCP_IPV6));
            List<OffloadConfigIndication> indications = host.configIndications();
            OffloadConfigIndication last = indications.isEmpty() ? null : indications.get(indications.size() - 1);
            Set<Layer3Flag> v4 = EnumSet.of(IPV4_NO_OPTIONS, Layer3Flag.IPV4_WITH_OPTIONS);
            // netadaptercx-2100 ORs the two versions' fields (0 | 1 = TX_RX_DISABLED) and so switches TCP off for both (spec 7 item 4)
            boolean tcpStays = dut.profile() == FrameworkProfile.DOCUMENTED;
            if (indications.size() != 1 || last.status() != OffloadConfigIndication.Status.CURRENT_CONFIG
                    || !last.txChecksum().tcp().layer3Flags().equals(v4) || last.txChecksum().isTcpEnabled() != tcpStays
                    || last.rxChecksum().tcp() != tcpStays) {
                throw Verdict.failure("ACT-05", "after TCPIPv6Checksum=TX_RX_DISABLED the framework indicated " + indications
                        + "; expected one CURRENT_CONFIG with TCP Tx over IPv4 only, " + (tcpStays ? "its layer 4 flags and Rx TCP on"
                        : "TCP's layer 4 flags and Rx TCP off (" + dut.profile() + ")"), () -> { });
            }
            host.request(OffloadParameters.switches(SwitchParameter.ENABLED, SwitchField.values()).withLength(OffloadParameters.REVISION_3_SIZE - 4));
            if (host.configIndications().size() != 1) {
                throw Verdict.failure("ACT-05", "a refused request was followed by an indication: " + host.configIndications(), () -> { });
            }
        }
    }

    @Test
    @Requirement(value = "ACT-06", title = "Pause: empty hardware and current caps, all-zero callbacks; resume restores and re-indicates both")
    @Description("Judged on the framework, through a probe adapter that pauses and then resumes its offloads (the DUT cannot be made to):"
            + " the callback rounds and NDIS indications each causes, awaited on the driver thread.")
    public void required_act06_pauseAndResume() {
        try (Probe probe = Probe.started("pause and resume", Keywords.standardDefaults(), FullAdvertisement.EVERYTHING)) {
            AdapterHost host = probe.host;
            probe.call(NetAdapter::pauseOffloadCapabilities);
            CallbackDelivery pause = awaitRound(host, "pause");
            List<OffloadConfigIndication> paused = host.configIndications();
            boolean zeros = TxChecksumOffload.NONE.equals(pause.txChecksum()) && org.offloadkit.spec.RxChecksumOffload.NONE.equals(pause.rxChecksum())
                    && GsoOffload.NONE.equals(pause.gso()) && RscOffload.NONE.equals(pause.rsc());
            if (!zeros || paused.size() != 2 || !paused.stream().allMatch(OffloadConfigIndication::isEmpty)
                    || paused.get(0).status() != OffloadConfigIndication.Status.HARDWARE_CAPABILITIES) {
                throw Verdict.failure("ACT-06", "on pause the framework called back " + pause + " and indicated " + paused
                        + "; expected every callback with zeros, and empty hardware then current capabilities", () -> { });
            }
            probe.call(NetAdapter::resumeOffloadCapabilities);
            CallbackDelivery resume = awaitRound(host, "resume");
            CallbackDelivery start = host.callbackDeliveries().get(0);
            List<OffloadConfigIndication> resumed = host.configIndications().subList(2, host.configIndications().size());
            boolean restored = resume.txChecksum().equals(start.txChecksum()) && resume.rxChecksum().equals(start.rxChecksum())
                    && resume.gso().equals(start.gso()) && resume.rsc().equals(start.rsc());
            if (!restored || !resumed.equals(host.miniportAttributes())) {
                throw Verdict.failure("ACT-06", "on resume the framework called back " + resume + " and indicated " + resumed
                        + "; expected the sets of the start (" + start + ") and both views again (" + host.miniportAttributes() + ")", () -> { });
            }
        }
    }

    private static CallbackDelivery awaitRound(AdapterHost host, String cause) {
        try {
            return Awaitility.await("the " + cause + " callbacks").atMost(host.timeout()).pollInterval(Duration.ofMillis(5))
                    .until(() -> host.callbackDeliveries().stream().filter(r -> r.cause().equals(cause)).findFirst().orElse(null),
                            java.util.Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw Verdict.failure("ACT-06", "no " + cause + " callbacks within " + host.timeout().toMillis() + " ms; rounds: "
                    + host.callbackDeliveries(), () -> { });
        }
    }

    @Test
    @Requirement(value = "ACT-07", title = "NetOffloadIsLso/Uso/TcpRsc{IPv4,IPv6}Enabled TRUE iff the base layer 3 flag and the matching layer 4 flag")
    @Description("Judged on the kit's model of the query functions, over every combination of layer 3 and layer 4 flags, against the rule"
            + " as written here; and on every set the DUT was called back with in this run.")
    public void required_act07_queries() {
        List<String> wrong = new ArrayList<>();
        for (Set<Layer3Flag> l3 : subsets(Layer3Flag.class)) {
            for (Set<Layer4Flag> l4 : subsets(Layer4Flag.class)) {
                GsoShapes shapes = new GsoShapes(l3, l4, 0, 65536, 2);
                GsoOffload gso = new GsoOffload(shapes, shapes);
                RscOffload rsc = new RscOffload(l3, l4, false);
                boolean tcp = l4.contains(Layer4Flag.TCP_NO_OPTIONS);
                boolean udp = l4.contains(Layer4Flag.UDP);
                boolean v4 = l3.contains(IPV4_NO_OPTIONS);
                boolean v6 = l3.contains(IPV6_NO_EXTENSIONS);
                query(wrong, "NetOffloadIsLsoIPv4Enabled", l3, l4, gso.isLsoIPv4Enabled(), v4 && tcp);
                query(wrong, "NetOffloadIsLsoIPv6Enabled", l3, l4, gso.isLsoIPv6Enabled(), v6 && tcp);
                query(wrong, "NetOffloadIsUsoIPv4Enabled", l3, l4, gso.isUsoIPv4Enabled(), v4 && udp);
                query(wrong, "NetOffloadIsUsoIPv6Enabled", l3, l4, gso.isUsoIPv6Enabled(), v6 && udp);
                query(wrong, "NetOffloadIsTcpRscIPv4Enabled", l3, l4, rsc.isTcpRscIPv4Enabled(), v4 && tcp);
                query(wrong, "NetOffloadIsTcpRscIPv6Enabled", l3, l4, rsc.isTcpRscIPv6Enabled(), v6 && tcp);
            }
        }
        for (CallbackDelivery round : ConformanceRun.session().host().callbackDeliveries()) {
            if (round.gso() != null && round.gso().isLsoIPv4Enabled() != (round.gso().lso().has(IPV4_NO_OPTIONS) && round.gso().lso().has(Layer4Flag.TCP_NO_OPTIONS))) {
                wrong.add("the DUT's " + round.cause() + " GSO set " + round.gso());
            }
        }
        if (!wrong.isEmpty()) {
            throw Verdict.failure("ACT-07", wrong.size() + " answers differ from the rule, first " + wrong.subList(0, Math.min(5, wrong.size())), () -> { });
        }
    }

    private static void query(List<String> wrong, String query, Set<Layer3Flag> l3, Set<Layer4Flag> l4, boolean answer, boolean rule) {
        if (answer != rule) {
            wrong.add(query + " on L3 " + l3 + " L4 " + l4 + " is " + answer + ", expected " + rule);
        }
    }

    private static <E extends Enum<E>> List<Set<E>> subsets(Class<E> type) {
        E[] all = type.getEnumConstants();
        List<Set<E>> subsets = new ArrayList<>();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            Set<E> s = EnumSet.noneOf(type);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    s.add(all[i]);
                }
            }
            subsets.add(s);
        }
        return subsets;
    }

    // ---------------------------------------------------------------- shared

    /** A second instance of the run's DUT under these keywords; skips when the DUT does not start at all. */
    private static DutSession second(Keywords keywords) {
        DutSession session = ConformanceRun.session();
        if (!session.started()) {
            throw new SkipException("the DUT did not start: " + session.startFault().getMessage());
        }
        DutSession dut = session.withKeywords(keywords);
        if (!dut.started()) {
            dut.close();
            throw dut.startFault();
        }
        return dut;
    }

    /** ACT-04: no flag the DUT did not advertise. */
    private static void outsideAdvertisement(List<String> wrong, Advertisement ad, CallbackDelivery round) {
        if (round.txChecksum() != null) {
            TxChecksumShapes hw = ad.txChecksum().shapes();
            for (TxChecksumShapes set : List.of(round.txChecksum().ipv4Header(), round.txChecksum().tcp(), round.txChecksum().udp())) {
                if (!hw.layer3Flags().containsAll(set.layer3Flags()) || !hw.layer4Flags().containsAll(set.layer4Flags())) {
                    wrong.add(round.cause() + ": Tx checksum {" + set + "} beyond the advertised " + hw);
                }
            }
        }
        if (round.gso() != null) {
            GsoShapes hw = ad.gso().shapes();
            for (GsoShapes set : List.of(round.gso().lso(), round.gso().uso())) {
                if (!hw.layer3Flags().containsAll(set.layer3Flags()) || !hw.layer4Flags().containsAll(set.layer4Flags())) {
                    wrong.add(round.cause() + ": GSO {" + set + "} beyond the advertised " + hw);
                }
            }
        }
        if (round.rsc() != null && (!ad.rsc().layer3Flags().containsAll(round.rsc().layer3Flags())
                || !ad.rsc().layer4Flags().containsAll(round.rsc().layer4Flags()))) {
            wrong.add(round.cause() + ": RSC {" + round.rsc() + "} beyond the advertised " + ad.rsc());
        }
    }

    /**
     * ACT-04: the hardware's sizes and limit for GSO, no Tx checksum offset limits, and RSC timestamps as the hardware has them
     * (documented: and as *RscTimestamp allows).
     */
    private static void hardwareValues(List<String> wrong, Advertisement ad, CallbackDelivery round, Keywords keywords) {
        if (round.txChecksum() != null) {
            for (TxChecksumShapes set : List.of(round.txChecksum().ipv4Header(), round.txChecksum().tcp(), round.txChecksum().udp())) {
                if (set.layer3HeaderOffsetLimit() != 0 || set.layer4HeaderOffsetLimit() != 0) {
                    wrong.add(round.cause() + ": Tx checksum offset limits " + set + ", expected 0");
                }
            }
        }
        if (round.gso() != null) {
            GsoShapes hw = ad.gso().shapes();
            for (GsoShapes set : List.of(round.gso().lso(), round.gso().uso())) {
                if (set.maximumOffloadSize() != hw.maximumOffloadSize() || set.minimumSegmentCount() != hw.minimumSegmentCount()
                        || set.layer4HeaderOffsetLimit() != hw.layer4HeaderOffsetLimit()) {
                    wrong.add(round.cause() + ": GSO sizes {" + set + "}, expected the hardware's " + hw);
                }
            }
        }
        if (round.rsc() != null && !round.rsc().layer3Flags().isEmpty()) {
            boolean allowed = ConformanceRun.session().profile() == FrameworkProfile.NETADAPTERCX_2100
                    || keywords.value("*RscTimestamp").orElse(1) != 0;
            boolean expected = ad.rsc().tcpTimestampOption() && allowed;
            if (round.rsc().tcpTimestampOption() != expected) {
                wrong.add(round.cause() + ": RSC TcpTimestampOption " + round.rsc().tcpTimestampOption() + ", expected " + expected);
            }
        }
    }
}
