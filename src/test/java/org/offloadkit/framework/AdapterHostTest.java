package org.offloadkit.framework;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.ChecksumParameter;
import org.offloadkit.spec.ChecksumTarget;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxResult;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** The framework's side of an adapter: life cycle, callbacks on the driver thread, and what a misbehaving driver gets. */
public class AdapterHostTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final byte[] FRAME = ScriptedAdapter.FRAME;
    private static final FrameLayout LAYOUT = ScriptedAdapter.LAYOUT;
    private static final TxChecksum NOTHING = TxChecksum.PASSTHROUGH;

    private AdapterHost host;
    private ScriptedAdapter driver;

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
        host.initialize(driver.initialization());
        host.start();
    }

    @Test
    public void startCallsEachCallbackOnceOnTheDriverThreadWithTheDefaultSet() {
        start();
        assertEquals(driver.txCallbacks.size(), 1);
        assertEquals(driver.rxCallbacks.size(), 1);
        assertTrue(driver.txCallbacks.get(0).isTcpEnabled() && driver.txCallbacks.get(0).isUdpEnabled()
                && driver.txCallbacks.get(0).isIPv4Enabled());
        assertTrue(driver.rxCallbacks.get(0).tcp());
        assertTrue(driver.callbackThreads.stream().allMatch(t -> t.equals("driver-scripted")), driver.callbackThreads.toString());
    }

    @Test
    public void anAnswerFromAnotherThreadLaterIsAwaited() {
        driver.onTransmit = (packet, reply) -> CompletableFuture.runAsync(() -> reply.send(TxResult.sent(packet.frame())),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        start();
        Transmission t = host.transmit(FRAME, LAYOUT, NOTHING);
        assertFalse(t.result().isDone(), "the transmit returned before the driver answered");
        assertEquals(t.result().await().frames().get(0), FRAME);
    }

    @Test
    public void noAnswerWithinTheTimeoutIsADutFault() {
        driver.onTransmit = (packet, reply) -> { };
        start();
        DutFault fault = expectThrows(DutFault.class, () -> host.transmit(FRAME, LAYOUT, NOTHING).result().await());
        assertTrue(fault.getMessage().startsWith("DUT fault: no answer to transmit of packet #"), fault.getMessage());
    }

    @Test
    public void aSecondAnswerIsADutFault() {
        driver.onTransmit = (packet, reply) -> {
            reply.send(TxResult.sent(packet.frame()));
            reply.send(TxResult.sent(packet.frame()));
        };
        start();
        DutFault fault = expectThrows(DutFault.class, () -> host.transmit(FRAME, LAYOUT, NOTHING).result().await());
        assertTrue(fault.getMessage().contains("answered 2 times"), fault.getMessage());
    }

    @Test
    public void anExceptionFromTheDriverIsADutFault() {
        driver.onTransmit = (packet, reply) -> {
            throw new IllegalStateException("ring full");
        };
        start();
        DutFault fault = expectThrows(DutFault.class, () -> host.transmit(FRAME, LAYOUT, NOTHING).result().await());
        assertTrue(fault.getMessage().contains("ring full"), fault.getMessage());
    }

    @Test
    public void aDriverStuckInACallFailsLaterCallsAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        driver.onTransmit = (packet, reply) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        start();
        try {
            expectThrows(DutFault.class, () -> host.transmit(FRAME, LAYOUT, NOTHING).result().await());
            long before = System.nanoTime();
            DutFault fault = expectThrows(DutFault.class, () -> host.transmit(FRAME, LAYOUT, NOTHING).result().await());
            assertTrue(fault.getMessage().contains("is still inside transmit #1"), fault.getMessage());
            assertTrue(System.nanoTime() - before < TIMEOUT.toNanos(), "the second call must not wait a timeout again");
        } finally {
            release.countDown();
        }
    }

    @Test
    public void theDriverGetsItsOwnCopyOfTheFrame() {
        AtomicReference<byte[]> seen = new AtomicReference<>();
        driver.onTransmit = (packet, reply) -> {
            seen.set(packet.frame());
            packet.frame()[0] ^= 1;
            reply.send(TxResult.sent(packet.frame()));
        };
        start();
        Transmission t = host.transmit(FRAME, LAYOUT, NOTHING);
        t.result().await();
        assertNotEquals(seen.get()[0], FRAME[0]);
        assertEquals(t.handed().frame(), FRAME, "what the framework handed over stays as it was");
    }

    @Test
    public void advertisingAfterStartRaisesBugCheckAdapterAlreadyStarted() {
        AtomicReference<NetAdapter> kept = new AtomicReference<>();
        host.initialize(adapter -> {
            driver.initialization().accept(adapter);
            kept.set(adapter);
        });
        host.start();
        BugCheckException e = expectThrows(BugCheckException.class,
                () -> kept.get().setRxChecksumCapabilities(RxChecksumCapabilities.of(null)));
        assertEquals(e.bugCheck().failure(), FailureCode.ADAPTER_ALREADY_STARTED);
        assertEquals(host.bugCheck().orElseThrow().failure().code, 3);
        DutFault later = expectThrows(DutFault.class, () -> host.transmit(FRAME, LAYOUT, NOTHING));
        assertTrue(later.getMessage().contains("0x19E"), later.getMessage());
    }

    @Test
    public void aWrongStructureSizeRaisesBugCheckInvalidStructTypeSizeWithBothSizes() {
        TxChecksumCapabilities wrong = new TxChecksumCapabilities(16,
                TxChecksumCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, 0, 0, null).shapes(), null);
        DutFault fault = expectThrows(DutFault.class, () -> host.initialize(adapter -> adapter.setTxChecksumCapabilities(wrong)));
        BugCheck check = host.bugCheck().orElseThrow();
        assertEquals(check.failure(), FailureCode.INVALID_STRUCT_TYPE_SIZE);
        assertEquals(check.parameter2(), 16);
        assertEquals(check.parameter3(), TxChecksumCapabilities.SIZE);
        assertTrue(fault.getMessage().contains("bug check 0x19E"), fault.getMessage());
    }

    @Test
    public void startWithoutADatapathIsADutFault() {
        host.initialize(adapter -> { });
        DutFault fault = expectThrows(DutFault.class, host::start);
        assertTrue(fault.getMessage().contains("no datapath"), fault.getMessage());
    }

    @Test
    public void anAcceptedRequestIndicatesTheNewConfigAndCallsTheDriverBack() {
        start();
        AdapterHost.StackRequest answer = host.request(OffloadParameters.checksum(ChecksumParameter.TX_ENABLED_RX_DISABLED,
                ChecksumTarget.TCP_IPV4, ChecksumTarget.TCP_IPV6));
        assertEquals(answer.status(), NdisStatus.SUCCESS);
        answer.callbacks().await();
        assertEquals(driver.rxCallbacks.size(), 2);
        assertFalse(driver.rxCallbacks.get(1).tcp());
        assertTrue(driver.rxCallbacks.get(1).udp() && driver.rxCallbacks.get(1).ipv4());
        assertTrue(driver.txCallbacks.get(1).isTcpEnabled(), "Tx stays as it was");
        assertEquals(host.configIndications().size(), 1);
        assertFalse(host.configIndications().get(0).rxChecksum().tcp());
    }

    @Test
    public void aShortRequestIsInvalidParameterAndChangesNothing() {
        start();
        OffloadParameters shortRequest = new OffloadParameters(OffloadParameters.REVISION_3_SIZE - 1,
                Map.of(ChecksumTarget.TCP_IPV4, ChecksumParameter.TX_RX_DISABLED), Map.of());
        assertEquals(host.request(shortRequest).status(), NdisStatus.INVALID_PARAMETER);
        assertTrue(host.activeRxChecksum().tcp());
        assertEquals(host.configIndications(), List.of());
    }

    @Test
    public void softwareFallbackHandsTheDriverPassthroughAndAComputedFrame() {
        host = new AdapterHost("scripted", Keywords.standardDefaults(), TIMEOUT);
        host.initialize(adapter -> {
            adapter.setTxChecksumCapabilities(TxChecksumCapabilities.of(java.util.Set.of(Layer3Flag.IPV6_NO_EXTENSIONS),
                    java.util.Set.of(Layer4Flag.UDP), 0, 0, null));
            adapter.setDatapath(driver);
        });
        host.start();
        TxChecksum both = new TxChecksum(TxChecksumAction.REQUIRED, TxChecksumAction.REQUIRED);
        byte[] asTheStackLeavesIt = FRAME.clone();
        Bytes.put16(asTheStackLeavesIt, LAYOUT.ipv4ChecksumOffset(), 0);
        Bytes.put16(asTheStackLeavesIt, LAYOUT.transportChecksumOffset(), TxChecksumEngine.seed(asTheStackLeavesIt, LAYOUT));
        Transmission t = host.transmit(asTheStackLeavesIt, LAYOUT, both);
        assertTrue(t.route().software(), t.route().toString());
        assertEquals(t.handed().checksum(), TxChecksum.PASSTHROUGH);
        assertEquals(t.handed().frame(), FRAME, "the framework's software checksums are the finished frame's");
    }
}
