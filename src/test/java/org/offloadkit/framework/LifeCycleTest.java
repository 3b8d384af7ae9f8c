package org.offloadkit.framework;

import static org.awaitility.Awaitility.await;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumOffload;
import org.offloadkit.spec.TxResult;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** Pause and resume of the offloads, the IRQL rule and the packet extensions registered at start. */
public class LifeCycleTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final byte[] FRAME = ScriptedAdapter.FRAME;
    private static final FrameLayout LAYOUT = ScriptedAdapter.LAYOUT;

    private AdapterHost host;
    private ScriptedAdapter driver;
    private final AtomicReference<NetAdapter> handle = new AtomicReference<>();

    @BeforeMethod
    public void attach() {
        host = new AdapterHost("scripted", Keywords.standardDefaults(), TIMEOUT);
        driver = new ScriptedAdapter();
    }

    @AfterMethod(alwaysRun = true)
    public void detach() {
        host.close();
    }

    private void start() {
        host.initialize(adapter -> {
            driver.initialization().accept(adapter);
            handle.set(adapter);
        });
        host.start();
    }

    @Test
    public void pauseShowsNdisNothingAndCallsEveryCallbackWithZerosAndResumeRestoresBoth() {
        start();
        TxChecksumOffload atStart = driver.txCallbacks.get(0);
        handle.get().pauseOffloadCapabilities();
        assertTrue(host.paused());
        await("the pause's callbacks").atMost(TIMEOUT).until(() -> driver.txCallbacks.size() == 2 && driver.rxCallbacks.size() == 2);
        assertEquals(driver.txCallbacks.get(1), TxChecksumOffload.NONE);
        assertEquals(driver.rxCallbacks.get(1), RxChecksumOffload.NONE);
        List<OffloadConfigIndication> paused = host.configIndications();
        assertEquals(paused.size(), 2);
        assertTrue(paused.stream().allMatch(OffloadConfigIndication::isEmpty), paused.toString());
        handle.get().resumeOffloadCapabilities();
        await("the resume's callbacks").atMost(TIMEOUT).until(() -> driver.txCallbacks.size() == 3);
        assertEquals(driver.txCallbacks.get(2), atStart);
        assertEquals(host.configIndications().subList(2, 4), host.miniportAttributes(), "resume indicates both views again");
        assertEquals(host.callbackDeliveries().stream().map(CallbackDelivery::cause).toList(), List.of("start", "pause", "resume"));
    }

    @Test
    public void resumeWithoutPauseIsOffloadNotPaused() {
        start();
        BugCheckException e = expectThrows(BugCheckException.class, () -> handle.get().resumeOffloadCapabilities());
        assertEquals(e.bugCheck().failure().code, 97);
        assertEquals(host.bugCheck().orElseThrow().failure(), FailureCode.OFFLOAD_NOT_PAUSED);
    }

    @Test
    public void pauseBeforeStartIsAdapterNotStarted() {
        DutFault fault = expectThrows(DutFault.class, () -> host.initialize(adapter -> {
            driver.initialization().accept(adapter);
            adapter.pauseOffloadCapabilities();
        }));
        assertEquals(host.bugCheck().orElseThrow().failure().code, 96);
        assertTrue(fault.getMessage().contains("0x19E"), fault.getMessage());
    }

    @Test
    public void anOffloadCallFromTheDatapathIsIrqlNotPassive() {
        start();
        driver.onTransmit = (packet, reply) -> {
            handle.get().pauseOffloadCapabilities();
            reply.send(TxResult.sent(packet.frame()));
        };
        DutFault fault = expectThrows(DutFault.class, () -> host.transmit(FRAME, LAYOUT, TxChecksum.PASSTHROUGH).result().await());
        BugCheck check = host.bugCheck().orElseThrow();
        assertEquals(check.failure(), FailureCode.IRQL_IS_NOT_PASSIVE);
        assertEquals(check.parameter2(), Irql.DISPATCH_LEVEL.value);
        assertTrue(fault.getMessage().contains("IRQL_IS_NOT_PASSIVE"), fault.getMessage());
    }

    @Test
    public void theIrqlRuleComesBeforeTheStartedRule() {
        start();
        driver.onTransmit = (packet, reply) -> handle.get().setTxChecksumCapabilities(
                TxChecksumCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, 0, 0, null));
        expectThrows(DutFault.class, () -> host.transmit(FRAME, LAYOUT, TxChecksum.PASSTHROUGH).result().await());
        assertEquals(host.bugCheck().orElseThrow().failure().code, 1);
    }

    @Test
    public void extensionsFollowTheAdvertisement() {
        host.initialize(adapter -> {
            adapter.setTxChecksumCapabilities(TxChecksumCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(), 0, 0, null));
            adapter.setRscCapabilities(RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), true, null));
            adapter.setDatapath(driver);
        });
        host.start();
        assertEquals(host.packetExtensions(), List.of(PacketExtension.CHECKSUM, PacketExtension.RSC, PacketExtension.RSC_TIMESTAMP));
        AdapterHost gsoOnly = new AdapterHost("gso", Keywords.standardDefaults(), TIMEOUT);
        try {
            gsoOnly.initialize(adapter -> {
                adapter.setGsoCapabilities(GsoCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS),
                        65536, 2, 0, null));
                adapter.setDatapath(driver);
            });
            gsoOnly.start();
            assertEquals(gsoOnly.packetExtensions(), List.of(PacketExtension.GSO));
            assertEquals(gsoOnly.packetExtensions().get(0).size(), 4);
        } finally {
            gsoOnly.close();
        }
    }

    @Test
    public void withoutKeywordsNdisSeesNoTxFamilyButRxFromRegistrationAlone() {
        host = new AdapterHost("scripted", Keywords.none(), TIMEOUT);
        start();
        OffloadConfigIndication hardware = host.miniportAttributes().get(0);
        assertEquals(hardware.txChecksum(), TxChecksumOffload.NONE, "KW-01");
        assertEquals(hardware.rxChecksum(), RxChecksumOffload.ALL, "CAP-13");
        assertFalse(driver.txCallbacks.get(0).isTcpEnabled());
    }
}
