package org.offloadkit.framework;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.offloadkit.corpus.GsoTemplates;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.GsoRequest;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.LargeSend.Flavor;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.LsoCompletion;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.SwitchParameter;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxCounters;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** Large sends through the framework: handed whole, segmented in software, dropped, completed (spec 5.8(a), 2.3). */
public class AdapterHostGsoTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final byte[] V4A = {10, 0, 0, 1};
    private static final byte[] V4B = {10, 0, 0, 2};
    private static final byte[] V6A = HexFormat.of().parseHex("20010db8000000000000000000000001");
    private static final byte[] V6B = HexFormat.of().parseHex("20010db8000000000000000000000002");

    private AdapterHost host;
    private ScriptedAdapter driver;
    private final List<TxPacket> handed = new CopyOnWriteArrayList<>();

    @BeforeMethod
    public void attach() {
        host = new AdapterHost("scripted", Keywords.standardDefaults(), TIMEOUT);
        driver = new ScriptedAdapter();
        handed.clear();
        // a driver whose hardware checksums what it is asked to and sends the rest as it is
        driver.onTransmit = (packet, reply) -> {
            handed.add(packet);
            reply.send(TxResult.sent(TxChecksumEngine.apply(packet.frame(), packet.layout(), packet.checksum())));
        };
    }

    @AfterMethod(alwaysRun = true)
    public void detach() {
        host.close();
    }

    /** Starts a driver with LSO over plain IPv4 only and Tx checksum for every shape, or none. */
    private void start(boolean txChecksum) {
        host.initialize(adapter -> {
            if (txChecksum) {
                adapter.setTxChecksumCapabilities(TxChecksumCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, 0, 0, null));
            }
            adapter.setGsoCapabilities(GsoCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS),
                    65536, 2, 0, null));
            adapter.setDatapath(driver);
        });
        host.start();
    }

    private static byte[] payload(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }

    private static byte[] ipv4Lso(Flavor flavor) {
        return GsoTemplates.template(FrameBuilder.ethernet(new byte[6], new byte[6]).ipv4(V4A, V4B).tcp(1, 2), payload(5000), flavor);
    }

    private static byte[] ipv6Lso() {
        return GsoTemplates.template(FrameBuilder.ethernet(new byte[6], new byte[6]).ipv6(V6A, V6B).tcp(1, 2).flags(0x19),
                payload(5000), Flavor.LSO_V2);
    }

    private GsoTransmission send(byte[] template, LargeSend send) {
        FrameLayout layout = GsoSegmenter.parseTemplate(template, send.flavor()).layout();
        return host.transmit(template, layout, TxChecksum.PASSTHROUGH, send);
    }

    private static List<String> finished(byte[] template, LargeSend send) {
        Segmentation.Segments s = (Segmentation.Segments) GsoSegmenter.segment(template, send, GsoSegmenter.Limits.UNCHECKED,
                GsoSegmenter.Checksums.FINISHED);
        return s.frames().stream().map(HexFormat.of()::formatHex).toList();
    }

    @Test
    public void aSendTheHardwareCoversIsHandedOverWholeWithItsMss() {
        start(true);
        byte[] template = ipv4Lso(Flavor.LSO_V2);
        GsoTransmission t = send(template, LargeSend.lsoV2(1448));
        t.await();
        assertFalse(t.route().software(), t.route().toString());
        assertEquals(handed.size(), 1);
        assertEquals(handed.get(0).gso(), GsoRequest.tcp(1448));
        assertEquals(handed.get(0).frame(), template);
    }

    @Test
    public void aSendTheHardwareCannotTakeIsSegmentedAndEachSegmentTakesTheHardwareChecksumRoute() {
        start(true);
        byte[] template = ipv6Lso();
        GsoTransmission t = send(template, LargeSend.lsoV2(1200));
        TxResult result = t.await();
        assertEquals(t.route().rule(), GsoRoute.Rule.LAYER3_FLAG_MISSING);
        assertEquals(handed.size(), 5, "ceil(5000 / 1200) segments, each a packet of its own");
        assertTrue(handed.stream().allMatch(p -> p.gso().mss() == 0), "the driver sees Mss 0 (GSO-FB-01)");
        assertTrue(handed.stream().allMatch(p -> p.checksum().layer4() == TxChecksumAction.REQUIRED), "GSO-FB-02: the hardware computes them");
        assertTrue(t.packets().stream().noneMatch(p -> p.route().software()));
        assertEquals(result.frames().stream().map(HexFormat.of()::formatHex).toList(), finished(template, LargeSend.lsoV2(1200)));
    }

    @Test
    public void withoutChecksumHardwareTheFrameworkChecksumsTheSegmentsToo() {
        start(false);
        byte[] template = ipv6Lso();
        TxResult result = send(template, LargeSend.lsoV2(1200)).await();
        assertTrue(handed.stream().allMatch(p -> p.checksum().equals(TxChecksum.PASSTHROUGH)), "GSO-FB-02: software checksums");
        assertEquals(result.frames().stream().map(HexFormat.of()::formatHex).toList(), finished(template, LargeSend.lsoV2(1200)));
    }

    @Test
    public void aSegmentTheDriverFailsFailsTheSendAfterAllSegmentsWereHandedOver() {
        start(true);
        driver.onTransmit = (packet, reply) -> {
            handed.add(packet);
            reply.send(handed.size() == 2 ? TxResult.failed("ring error", List.of()) : TxResult.sent(packet.frame()));
        };
        TxResult result = send(ipv6Lso(), LargeSend.lsoV2(1200)).await();
        assertFalse(result.success());
        assertEquals(result.failure(), "ring error");
        assertEquals(handed.size(), 5);
        assertEquals(result.frames().size(), 4);
    }

    @Test
    public void largeSendsAreDroppedOnceTheStackSwitchesThemOff() {
        start(true);
        AdapterHost.StackRequest off = host.request(OffloadParameters.switches(SwitchParameter.DISABLED, SwitchField.LSO_V2_IPV6));
        assertEquals(off.status(), NdisStatus.SUCCESS);
        off.callbacks().await();
        TxResult dropped = send(ipv6Lso(), LargeSend.lsoV2(1200)).await();
        assertFalse(dropped.success());
        assertTrue(dropped.failure().contains("LSO_IPV6"), dropped.failure());
        assertEquals(handed.size(), 0, "nothing reaches the driver (GSO-TCP-13)");
        assertTrue(send(ipv4Lso(Flavor.LSO_V2), LargeSend.lsoV2(1448)).await().success(), "LSO over IPv4 is still on");
    }

    @Test
    public void theFrameworkWritesTheLsoCompletionInformation() {
        start(true);
        assertEquals(send(ipv4Lso(Flavor.LSO_V1), LargeSend.lsoV1(1448)).lsoCompletion(), Optional.of(new LsoCompletion(0, 5000, 0)));
        assertEquals(send(ipv4Lso(Flavor.LSO_V2), LargeSend.lsoV2(1448)).lsoCompletion(), Optional.of(new LsoCompletion(1, 0, 0)));
    }

    @Test
    public void transmitCountersComeFromTheDriverWhenItKeepsThem() {
        start(true);
        assertEquals(host.transmitCounters(), Optional.empty());
        AdapterHost counting = new AdapterHost("counting", Keywords.standardDefaults(), TIMEOUT);
        try {
            counting.initialize(adapter -> adapter.setDatapath(new ScriptedAdapter() {
                @Override
                public Optional<TxCounters> transmitCounters() {
                    return Optional.of(new TxCounters(3, 4500));
                }
            }));
            counting.start();
            assertEquals(counting.transmitCounters(), Optional.of(new TxCounters(3, 4500)));
        } finally {
            counting.close();
        }
    }
}
