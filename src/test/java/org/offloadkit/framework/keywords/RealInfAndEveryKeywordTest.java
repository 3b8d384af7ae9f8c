package org.offloadkit.framework.keywords;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.OffloadConfigIndication;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.StandardKeyword;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;
import org.testng.annotations.Test;

/**
 * A real driver INF (an excerpt of virtio-win's NetKVM template) and a registry fixture holding every keyword of the
 * standardized table, read and then applied by the framework.
 */
public class RealInfAndEveryKeywordTest {

    @Test
    public void netKvmHasNoDeviationAndNoUsoKeywordSoNoSoftwareUso() {
        KeywordReport report = Fixtures.inf("netkvm-excerpt.inf");
        assertEquals(report.count(Finding.Severity.ERROR) + report.count(Finding.Severity.DEVIATION), 0, report.findings().toString());
        assertEquals(Fixtures.brief(report.findings()), List.of("0 NOTE null", "0 NOTE null"), report.findings().toString());
        assertTrue(report.findings().get(0).message().contains("[*LsoV1IPv4] missing"), report.findings().get(0).message());
        assertTrue(report.findings().get(1).message().contains("no USO keyword"), report.findings().get(1).message());
        Keywords keywords = report.keywords();
        assertEquals(keywords.raw("*RscIPv4").orElseThrow().source(), "netkvm-excerpt.inf:43 Default");
        OffloadConfigIndication hardware = start(keywords).get(0);
        assertTrue(hardware.gso().uso().isEmpty(), "KW-01: no USO keyword, no USO for NDIS: " + hardware);
        assertFalse(hardware.gso().lso().isEmpty());
        assertTrue(hardware.txChecksum().isTcpEnabled());
    }

    @Test
    public void everyKeywordOfTheTableWithStandardUnreadableOutOfRangeAndMissingValues() {
        KeywordReport report = KeywordReport.read(null, null, "every-keyword.yaml", Fixtures.bytes("registry/every-keyword.yaml"));
        assertEquals(Fixtures.brief(report.findings()), List.of("7 DEVIATION *UDPChecksumOffloadIPv4", "12 DEVIATION *LsoV2IPv6",
                "21 DEVIATION *VxlanUDPPortNumber", "23 DEVIATION *IPsecOffloadV2"));
        Keywords keywords = report.keywords();
        Set<String> table = Arrays.stream(StandardKeyword.values()).map(k -> k.keyword).collect(Collectors.toCollection(TreeSet::new));
        table.removeAll(Set.of("*UDPChecksumOffloadIPv6", "*UsoIPv6"));
        assertEquals(new TreeSet<>(keywords.asMap().keySet()), table, "every keyword of the table but the two left missing");

        OffloadConfigIndication current = start(keywords).get(1);
        assertTrue(current.txChecksum().isIPv4Enabled(), "*IPChecksumOffloadIPv4 3");
        assertEquals(current.txChecksum().tcp().layer3Flags(), Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV4_WITH_OPTIONS),
                "*TCPChecksumOffloadIPv4 1 (Tx), IPv6 2 (Rx only)");
        assertTrue(current.rxChecksum().tcp(), "Rx TCP from the IPv6 keyword's bit 1");
        assertEquals(current.txChecksum().udp().layer3Flags(), Layer3Flag.ALL, "an unreadable and a missing UDP keyword both read as enabled");
        assertFalse(current.gso().lso().has(Layer3Flag.IPV4_NO_OPTIONS), "*LsoV2IPv4 0");
        assertTrue(current.gso().lso().has(Layer3Flag.IPV6_NO_EXTENSIONS), "*LsoV2IPv6 2 is out of range but not 0");
        assertTrue(current.gso().uso().has(Layer3Flag.IPV4_NO_OPTIONS) && current.gso().uso().has(Layer3Flag.IPV6_NO_EXTENSIONS));
        assertEquals(current.rsc().layer3Flags(), Set.of(Layer3Flag.IPV6_NO_EXTENSIONS), "*RscIPv4 0");
        assertFalse(current.rsc().tcpTimestampOption(), "*RscTimestamp 0");
        assertEquals(start(keywords.without(List.of("*TCPUDPChecksumOffloadIPv4", "*TCPUDPChecksumOffloadIPv6"))).get(1), current,
                "KW-09: the grouped keywords change nothing");
    }

    /** NDIS's hardware and current views of an adapter advertising everything under these keywords. */
    private static List<OffloadConfigIndication> start(Keywords keywords) {
        try (AdapterHost host = new AdapterHost("every offload", keywords, Duration.ofMillis(500))) {
            host.initialize(adapter -> {
                adapter.setTxChecksumCapabilities(TxChecksumCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, 0, 0, null));
                adapter.setRxChecksumCapabilities(RxChecksumCapabilities.of(null));
                adapter.setGsoCapabilities(GsoCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, 65536, 2, 0, null));
                adapter.setRscCapabilities(RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS),
                        Set.of(Layer4Flag.TCP_NO_OPTIONS), true, null));
                adapter.setDatapath(new Datapath() {
                    @Override
                    public void transmit(TxPacket packet, Reply<TxResult> completion) {
                        completion.send(TxResult.sent(packet.frame()));
                    }

                    @Override
                    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
                        indications.send(List.of());
                    }
                });
            });
            host.start();
            return host.miniportAttributes();
        }
    }
}
