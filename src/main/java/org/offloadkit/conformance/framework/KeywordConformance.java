package org.offloadkit.conformance.framework;

import static org.offloadkit.spec.Layer3Flag.IPV4_NO_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV4_WITH_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_NO_EXTENSIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_WITH_EXTENSIONS;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.DutSession;
import org.offloadkit.conformance.RxBatchesObservation;
import org.offloadkit.conformance.Verdict;
import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RscCorpus;
import org.offloadkit.framework.CallbackDelivery;
import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.framework.OffloadConfigIndication;
import org.offloadkit.framework.keywords.KeywordReport;
import org.offloadkit.report.Evidence;
import org.offloadkit.report.Requirement;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.StandardKeyword;
import org.offloadkit.spec.TxChecksumOffload;
import org.testng.annotations.Test;

import io.qameta.allure.Description;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * The standardized keywords, KW-01..11 (spec sections 4 and 5 steps 3 and 4): what NDIS is shown and what the
 * driver is called back with under given keyword values. Judged on the framework, through probe adapters that
 * advertise every offload (so that the keywords alone decide); KW-01 also starts the DUT itself without each
 * family's keywords and judges what it is called with. The expected sets are written out here from the rule.
 */
@Epic("Framework")
@Feature("Keywords")
public class KeywordConformance {

    private static final Set<Layer3Flag> V4 = EnumSet.of(IPV4_NO_OPTIONS, IPV4_WITH_OPTIONS);
    private static final Set<Layer3Flag> V6 = EnumSet.of(IPV6_NO_EXTENSIONS, IPV6_WITH_EXTENSIONS);
    private static final Set<Layer4Flag> TCP = EnumSet.of(Layer4Flag.TCP_NO_OPTIONS, Layer4Flag.TCP_WITH_OPTIONS);

    @Test
    @Requirement(value = "KW-01", title = "No keyword of a family: that family is absent from NDIS's capabilities, whatever the hardware")
    @Description("Judged on the framework: NDIS's hardware view of a probe advertising everything, without the keywords of one family"
            + " at a time; and what the DUT itself is called back with at start when started without them.")
    public void required_kw01_noKeywordNoFamily() {
        for (StandardKeyword.Family family : List.of(StandardKeyword.Family.CHECKSUM, StandardKeyword.Family.LSO,
                StandardKeyword.Family.USO, StandardKeyword.Family.RSC)) {
            Keywords without = Keywords.standardDefaults().without(StandardKeyword.of(family).stream().map(k -> k.keyword).toList());
            OffloadConfigIndication hardware = views(without, FullAdvertisement.EVERYTHING).get(0);
            if (!familyEmpty(family, !hardware.txChecksum().equals(TxChecksumOffload.NONE),
                    hardware.gso().lso().isEmpty(), hardware.gso().uso().isEmpty(), hardware.rsc().layer3Flags().isEmpty())) {
                throw Verdict.failure("KW-01", "without any " + family + " keyword NDIS was shown " + hardware
                        + "; the family has no software set and must not be exposed", () -> { });
            }
            DutSession session = ConformanceRun.session();
            if (!session.started()) {
                continue;
            }
            try (DutSession dut = session.withKeywords(without)) {
                if (!dut.started()) {
                    continue;
                }
                CallbackDelivery start = dut.host().callbackDeliveries().get(0);
                boolean empty = familyEmpty(family, start.txChecksum() != null && !start.txChecksum().equals(TxChecksumOffload.NONE),
                        start.gso() == null || start.gso().lso().isEmpty(), start.gso() == null || start.gso().uso().isEmpty(),
                        start.rsc() == null || start.rsc().layer3Flags().isEmpty());
                if (!empty) {
                    throw Verdict.failure("KW-01", session.name() + " started without any " + family + " keyword was called back with "
                            + start + "; the family must be off", () -> { });
                }
            }
        }
    }

    private static boolean familyEmpty(StandardKeyword.Family family, boolean txChecksumOn, boolean lsoEmpty, boolean usoEmpty,
                                       boolean rscEmpty) {
        return switch (family) {
            case CHECKSUM -> !txChecksumOn;
            case LSO -> lsoEmpty;
            case USO -> usoEmpty;
            case RSC -> rscEmpty;
            default -> true;
        };
    }

    @Test
    @Requirement(value = "KW-02", title = "A family's keyword present: NDIS's hardware capabilities show its full software set")
    @Description("Judged on the framework: NDIS's hardware view of a probe that advertises IPv4-only, option-less offloads, under the"
            + " standard keywords: every shape of every family, as the software fallback covers what the hardware does not.")
    public void required_kw02_fullSoftwareSet() {
        OffloadConfigIndication hardware = views(Keywords.standardDefaults(), FullAdvertisement.LITTLE).get(0);
        List<String> wrong = new java.util.ArrayList<>();
        expect(wrong, "Tx IPv4 header layer 3", hardware.txChecksum().ipv4Header().layer3Flags(), V4);
        expect(wrong, "Tx TCP layer 3", hardware.txChecksum().tcp().layer3Flags(), Layer3Flag.ALL);
        expect(wrong, "Tx TCP layer 4", hardware.txChecksum().tcp().layer4Flags(), TCP);
        expect(wrong, "Tx UDP layer 3", hardware.txChecksum().udp().layer3Flags(), Layer3Flag.ALL);
        expect(wrong, "Tx UDP layer 4", hardware.txChecksum().udp().layer4Flags(), Set.of(Layer4Flag.UDP));
        expect(wrong, "LSO layer 3", hardware.gso().lso().layer3Flags(), Layer3Flag.ALL);
        expect(wrong, "LSO layer 4", hardware.gso().lso().layer4Flags(), TCP);
        expect(wrong, "USO layer 3", hardware.gso().uso().layer3Flags(), Layer3Flag.ALL);
        expect(wrong, "USO layer 4", hardware.gso().uso().layer4Flags(), Set.of(Layer4Flag.UDP));
        expect(wrong, "RSC layer 3", hardware.rsc().layer3Flags(), Set.of(IPV4_NO_OPTIONS, IPV6_NO_EXTENSIONS));
        expect(wrong, "RSC timestamps", Set.of(hardware.rsc().tcpTimestampOption()), Set.of(true));
        if (!wrong.isEmpty()) {
            throw Verdict.failure("KW-02", "NDIS's hardware view is not the full software set: " + String.join("; ", wrong),
                    () -> Evidence.text("NDIS hardware view", hardware.toString()));
        }
    }

    @Test
    @Requirement(value = "KW-03", title = "*IPChecksumOffloadIPv4 0 or 2: Tx IPv4 header checksum inactive; 1 or 3: active")
    @Description("Judged on the framework: NDIS's current view and the Tx callback of a probe advertising everything, for each value and"
            + " with the keyword missing.")
    public void required_kw03_ipv4HeaderTx() {
        for (String value : new String[] {"0", "1", "2", "3", null}) {
            boolean expected = value == null || value.equals("1") || value.equals("3");
            List<OffloadConfigIndication> views = views(with("*IPChecksumOffloadIPv4", value), FullAdvertisement.EVERYTHING);
            boolean current = views.get(1).txChecksum().isIPv4Enabled();
            boolean calledBack = lastStart.txChecksum().isIPv4Enabled();
            if (current != expected || calledBack != expected) {
                throw Verdict.failure("KW-03", "*IPChecksumOffloadIPv4 " + shown(value) + ": Tx IPv4 header checksum " + onOff(current)
                        + " in NDIS's current view and " + onOff(calledBack) + " in the callback, expected " + onOff(expected), () -> { });
            }
        }
    }

    @Test
    @Requirement(value = "KW-04", title = "Rx IPv4 checksum active iff Rx is registered and *IPChecksumOffloadIPv4 is 2 or 3 (missing: active)")
    @Description("Judged on the framework: the Rx callback of a probe registering Rx checksum for each value and with it missing, and of"
            + " one not registering Rx checksum.")
    public void required_kw04_ipv4HeaderRx() {
        for (String value : new String[] {"0", "1", "2", "3", null}) {
            boolean expected = value == null || value.equals("2") || value.equals("3");
            views(with("*IPChecksumOffloadIPv4", value), FullAdvertisement.EVERYTHING);
            if (lastStart.rxChecksum().ipv4() != expected) {
                throw Verdict.failure("KW-04", "*IPChecksumOffloadIPv4 " + shown(value) + ": Rx IPv4 checksum called back "
                        + onOff(!expected) + ", expected " + onOff(expected), () -> { });
            }
        }
        OffloadConfigIndication current = views(Keywords.standardDefaults(), FullAdvertisement.LITTLE).get(1);
        if (current.rxChecksum().ipv4()) {
            throw Verdict.failure("KW-04", "a probe that registered no Rx checksum is shown Rx IPv4 checksum on", () -> { });
        }
    }

    @Test
    @Requirement(value = "KW-05", title = "TCP (UDP) Tx checksum off only when both versions' keywords lack bit 0; one cleared keyword removes its version")
    @Description("Judged on the framework: NDIS's current TCP and UDP Tx checksum sets of a probe advertising everything, for pairs of"
            + " IPv4 and IPv6 keyword values.")
    public void required_kw05_transportTxPerVersion() {
        String[][] pairs = {{"0", "3"}, {"3", "0"}, {"0", "0"}, {"2", "2"}, {"1", "2"}, {"3", "3"}};
        for (String protocol : new String[] {"TCP", "UDP"}) {
            for (String[] pair : pairs) {
                Keywords keywords = Keywords.standardDefaults().with("*" + protocol + "ChecksumOffloadIPv4", pair[0], "KW-05")
                        .with("*" + protocol + "ChecksumOffloadIPv6", pair[1], "KW-05");
                OffloadConfigIndication current = views(keywords, FullAdvertisement.EVERYTHING).get(1);
                org.offloadkit.spec.TxChecksumShapes set = protocol.equals("TCP") ? current.txChecksum().tcp() : current.txChecksum().udp();
                boolean v4 = (Integer.parseInt(pair[0]) & 1) != 0;
                boolean v6 = (Integer.parseInt(pair[1]) & 1) != 0;
                Set<Layer3Flag> layer3 = EnumSet.noneOf(Layer3Flag.class);
                if (v4) {
                    layer3.addAll(V4);
                }
                if (v6) {
                    layer3.addAll(V6);
                }
                boolean layer4 = !set.layer4Flags().isEmpty();
                if (!set.layer3Flags().equals(layer3) || layer4 != (v4 || v6)) {
                    throw Verdict.failure("KW-05", "*" + protocol + "ChecksumOffloadIPv4 " + pair[0] + " and IPv6 " + pair[1]
                            + ": NDIS's current " + protocol + " Tx set is {" + set + "}, expected layer 3 " + layer3
                            + (v4 || v6 ? " with" : " without") + " the layer 4 flags", () -> { });
                }
            }
        }
    }

    @Test
    @Requirement(value = "KW-06", title = "LSO IPv4 off if *LsoV1IPv4 or *LsoV2IPv4 is 0; LSO IPv6 off iff *LsoV2IPv6 is 0")
    @Description("Judged on the framework: NDIS's current LSO set of a probe advertising everything.")
    public void required_kw06_lso() {
        gsoCase("KW-06", "*LsoV1IPv4", true, false, true);
        gsoCase("KW-06", "*LsoV2IPv4", true, false, true);
        gsoCase("KW-06", "*LsoV2IPv6", true, true, false);
    }

    @Test
    @Requirement(value = "KW-07", title = "*UsoIPv4/6 = 0 disables USO per version; *UDPChecksumOffloadIPv4 = 0 does not")
    @Description("Judged on the framework: NDIS's current USO set of a probe advertising everything.")
    public void required_kw07_uso() {
        gsoCase("KW-07", "*UsoIPv4", false, false, true);
        gsoCase("KW-07", "*UsoIPv6", false, true, false);
        gsoCase("KW-07", "*UDPChecksumOffloadIPv4", false, true, true);
    }

    private void gsoCase(String requirement, String keyword, boolean lso, boolean v4, boolean v6) {
        OffloadConfigIndication current = views(with(keyword, "0"), FullAdvertisement.EVERYTHING).get(1);
        org.offloadkit.spec.GsoShapes set = lso ? current.gso().lso() : current.gso().uso();
        boolean gotV4 = set.has(IPV4_NO_OPTIONS);
        boolean gotV6 = set.has(IPV6_NO_EXTENSIONS);
        if (gotV4 != v4 || gotV6 != v6) {
            throw Verdict.failure(requirement, keyword + " 0: NDIS's current " + (lso ? "LSO" : "USO") + " set is {" + set + "}, expected IPv4 "
                    + onOff(v4) + " and IPv6 " + onOff(v6), () -> { });
        }
    }

    @Test
    @Requirement(value = "KW-08", title = "*RscIPv4/6 = 0 disables RSC per version; *RscTimestamp = 0 disables timestamp coalescing at start")
    @Description("Judged on the framework: NDIS's current RSC set and the RSC callback at start of a probe advertising RSC with timestamps."
            + " And on the DUT: started with *RscIPv4 (then *RscIPv6) at 0, it receives the case of ten in-order segments of that"
            + " IP version and must indicate every one as it arrived.")
    public void required_kw08_rsc() {
        for (String[] c : new String[][] {{"*RscIPv4", "false", "true"}, {"*RscIPv6", "true", "false"}}) {
            OffloadConfigIndication current = views(with(c[0], "0"), FullAdvertisement.EVERYTHING).get(1);
            boolean v4 = current.rsc().layer3Flags().contains(IPV4_NO_OPTIONS);
            boolean v6 = current.rsc().layer3Flags().contains(IPV6_NO_EXTENSIONS);
            if (v4 != Boolean.parseBoolean(c[1]) || v6 != Boolean.parseBoolean(c[2])) {
                throw Verdict.failure("KW-08", c[0] + " 0: NDIS's current RSC set is {" + current.rsc() + "}", () -> { });
            }
        }
        views(with("*RscTimestamp", "0"), FullAdvertisement.EVERYTHING);
        if (lastStart.rsc().isTcpTimestampOptionEnabled()) {
            throw Verdict.failure("KW-08", "*RscTimestamp 0: the RSC callback at start still had TcpTimestampOption (" + lastStart.rsc() + ")", () -> { });
        }
        RscCorpus corpus = RscCorpus.load();
        rscOffOnTheDatapath("*RscIPv4", IPV4_NO_OPTIONS, corpus.byName("same-size-data-ipv4"));
        rscOffOnTheDatapath("*RscIPv6", IPV6_NO_EXTENSIONS, corpus.byName("same-size-data-ipv6"));
    }

    /**
     * The DUT started with one version's RSC keyword at 0 coalesces nothing of {@code sameSize}, in-order
     * segments of that version. The framework does no software RSC where the keyword is 0 (FB rules), so a
     * coalesced indication is the DUT's own.
     */
    private static void rscOffOnTheDatapath(String keyword, Layer3Flag version, RscCase sameSize) {
        DutSession session = ConformanceRun.session();
        RscCapabilities advertised = session.started() ? session.host().advertisement().rsc() : null;
        if (advertised == null || !advertised.layer3Flags().contains(version)) {
            Evidence.text(keyword + " on the datapath", "not judged: the DUT did not advertise RSC for " + version);
            return;
        }
        try (DutSession dut = session.withKeywords(with(keyword, "0"))) {
            if (!dut.started()) {
                throw dut.startFault();
            }
            RxBatchesObservation received = dut.receiveNow(sameSize);
            if (received.fault() != null) {
                throw received.fault();
            }
            for (RxIndication i : received.indications().stream().flatMap(List::stream).toList()) {
                if (i.rsc().coalesced()) {
                    throw Verdict.failure("KW-08", session.name() + " started with " + keyword + " 0 (called back with "
                            + dut.host().callbackDeliveries().get(0).rsc() + ") indicated a unit of " + i.rsc().coalescedSegmentCount()
                            + " segments of " + sameSize + "; expected every segment as it arrived",
                            () -> Evidence.frames("input", sameSize.frames()));
                }
            }
        }
    }

    @Test
    @Requirement(value = "KW-09", title = "The grouped checksum keywords have no effect on a NetAdapterCx adapter")
    @Description("Judged on the framework: NDIS's views of a probe advertising everything, with *TCPUDPChecksumOffloadIPv4/IPv6 at 0 and"
            + " without them.")
    public void required_kw09_groupedKeywordsIgnored() {
        List<OffloadConfigIndication> plain = views(Keywords.standardDefaults(), FullAdvertisement.EVERYTHING);
        List<OffloadConfigIndication> grouped = views(Keywords.standardDefaults().with("*TCPUDPChecksumOffloadIPv4", "0", "KW-09")
                .with("*TCPUDPChecksumOffloadIPv6", "0", "KW-09"), FullAdvertisement.EVERYTHING);
        if (!plain.equals(grouped)) {
            throw Verdict.failure("KW-09", "the grouped keywords at 0 changed NDIS's views from " + plain + " to " + grouped, () -> { });
        }
    }

    @Test
    @Requirement(value = "KW-10", title = "REG_SZ \"0\"..\"3\" (base 10) and REG_DWORD are both honoured; an unreadable value means enabled")
    @Description("Judged on the framework and the kit's registry reader: registry settings (YAML: quoted is REG_SZ, bare REG_DWORD) read"
            + " into keywords, then NDIS's current Tx TCP checksum set of a probe advertising everything.")
    public void required_kw10_valueTypes() {
        record Case(String yaml, boolean v4, boolean v6) {}
        List<Case> cases = List.of(
                new Case("\"*TCPChecksumOffloadIPv4\": \"0\"\n\"*TCPChecksumOffloadIPv6\": 0\n", false, false),
                new Case("\"*TCPChecksumOffloadIPv4\": \"2\"\n\"*TCPChecksumOffloadIPv6\": 3\n", false, true),
                new Case("\"*TCPChecksumOffloadIPv4\": \"03\"\n\"*TCPChecksumOffloadIPv6\": \"ten\"\n", true, true));
        for (Case c : cases) {
            Keywords keywords = KeywordReport.read(null, null, "KW-10.yaml", c.yaml().getBytes(StandardCharsets.UTF_8)).keywords();
            org.offloadkit.spec.TxChecksumShapes tcp = views(keywords, FullAdvertisement.EVERYTHING).get(1).txChecksum().tcp();
            if (tcp.has(IPV4_NO_OPTIONS) != c.v4() || tcp.has(IPV6_NO_EXTENSIONS) != c.v6()) {
                throw Verdict.failure("KW-10", "registry values " + c.yaml().replace('\n', ' ') + "gave NDIS's current TCP Tx set {" + tcp
                        + "}, expected IPv4 " + onOff(c.v4()) + " and IPv6 " + onOff(c.v6()), () -> { });
            }
        }
    }

    @Test
    @Requirement(value = "KW-11", title = "Defaults: checksum 3, LSO 1, RSC 1, UdpRsc 1, encapsulation 1, VXLAN port 4789 (1024-65535), IPsec 3")
    @Description("Judged on the kit's standardized keyword table against the spec's defaults, and on the framework: a probe whose only"
            + " checksum keyword is one of the five has every other checksum target on, as their default says.")
    public void required_kw11_defaults() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String k : List.of("*IPChecksumOffloadIPv4", "*TCPChecksumOffloadIPv4", "*TCPChecksumOffloadIPv6", "*UDPChecksumOffloadIPv4",
                "*UDPChecksumOffloadIPv6", "*IPsecOffloadV1IPv4", "*IPsecOffloadV2", "*IPsecOffloadV2IPv4")) {
            expected.put(k, "3");
        }
        for (String k : List.of("*LsoV1IPv4", "*LsoV2IPv4", "*LsoV2IPv6", "*RscIPv4", "*RscIPv6", "*UdpRsc", "*EncapsulatedPacketTaskOffload")) {
            expected.put(k, "1");
        }
        expected.put("*VxlanUDPPortNumber", "4789");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            StandardKeyword k = StandardKeyword.named(e.getKey()).orElseThrow(() -> new AssertionError("KW-11 · the kit's table lacks " + e.getKey()));
            if (!e.getValue().equals(k.defaultValue)) {
                throw Verdict.failure("KW-11", e.getKey() + " defaults to " + k.defaultValue + " in the kit's table, expected " + e.getValue(), () -> { });
            }
        }
        StandardKeyword port = StandardKeyword.VXLAN_UDP_PORT_NUMBER;
        if (port.values.min() != 1024 || port.values.max() != 65535) {
            throw Verdict.failure("KW-11", "*VxlanUDPPortNumber ranges " + port.values.min() + ".." + port.values.max() + ", expected 1024..65535", () -> { });
        }
        List<OffloadConfigIndication> views = views(Keywords.of(Map.of("*UDPChecksumOffloadIPv6", "3")), FullAdvertisement.EVERYTHING);
        OffloadConfigIndication current = views.get(1);
        if (!current.txChecksum().equals(views.get(0).txChecksum()) || !current.rxChecksum().ipv4()) {
            throw Verdict.failure("KW-11", "with only *UDPChecksumOffloadIPv6 given, NDIS's current checksum view is " + current
                    + "; the missing checksum keywords default to 3 (Rx and Tx)", () -> { });
        }
    }

    // ---------------------------------------------------------------- shared

    /** The start callbacks of the last probe {@link #views} started. */
    private CallbackDelivery lastStart;

    /** NDIS's hardware and current views of a probe started under these keywords; its start callbacks go to {@link #lastStart}. */
    private List<OffloadConfigIndication> views(Keywords keywords, Consumer<NetAdapter> advertise) {
        try (Probe probe = Probe.started("keywords", keywords, advertise)) {
            lastStart = probe.host.callbackDeliveries().get(0);
            return probe.host.miniportAttributes();
        }
    }

    private static Keywords with(String keyword, String value) {
        return value == null ? Keywords.standardDefaults().without(List.of(keyword)) : Keywords.standardDefaults().with(keyword, value, "test");
    }

    private static <E> void expect(List<String> wrong, String what, Set<E> actual, Set<E> expected) {
        if (!actual.equals(expected)) {
            wrong.add(what + " " + actual + ", expected " + expected);
        }
    }

    private static String shown(String value) {
        return value == null ? "missing" : value;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

}
