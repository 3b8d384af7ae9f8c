package org.offloadkit.dut.linux;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.offloadkit.dut.linux.LinuxAdapter.TxPath;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Frames;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.spec.GsoRequest;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.SwitchParameter;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * linux:veth under the framework: a capability change the stack asks for (OID_TCP_OFFLOAD_PARAMETERS)
 * reaches the adapter's callback, the kernel applies it to the device, and the datapath then takes the
 * other path: a large send the device handed on whole now arrives as segments the kernel made before the
 * device; a batch GRO coalesced now comes up segment by segment.
 */
public class LinuxAdapterTest {
    private static final int MSS = 1448;
    private static final int USER_BYTES = 10 * MSS - 100;

    private HostedVeth veth;
    private AdapterHost host;
    private LinuxAdapter adapter;

    @BeforeClass
    public void start() {
        veth = HostedVeth.started();
        adapter = veth.adapter;
        host = veth.host;
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (veth != null) {
            veth.close();
        }
    }

    @Test
    public void lsoSwitchedOffByTheStackIsSwitchedOffInTheKernelAndTheSendTakesTheSoftwarePath() {
        byte[] send = Frames.ipv4().tcp(40000, 5001).flags(TcpFlags.ACK).payload(payload(USER_BYTES)).build();
        assertTrue(adapter.device().features().get(EthtoolCapabilities.TSO_IPV4), "TSO on at start, as the default set has LSO");

        List<byte[]> offloaded = transmitThroughFramework(send);
        LinuxAdapter.Transmit before = adapter.lastTransmit();
        assertEquals(before.path(), TxPath.DEVICE_FINISHED_AT_WIRE);
        assertEquals(before.atPeer().size(), 1, "veth hands the unit to its peer whole: " + before.atPeer());
        assertEquals(before.atPeer().get(0).header().gsoSize(), MSS);
        assertEquals(offloaded.size(), 10);

        request(SwitchParameter.DISABLED);
        assertFalse(adapter.device().features().get(EthtoolCapabilities.TSO_IPV4), "the kernel shows TSO off: " + adapter.changes());

        // The same send handed to the device as a driver would be handed it: the kernel now segments before the device.
        List<byte[]> software = transmitDirectly(send);
        LinuxAdapter.Transmit after = adapter.lastTransmit();
        assertEquals(after.path(), TxPath.KERNEL_SOFTWARE);
        assertEquals(after.atPeer().size(), 10, "ten segments reach the peer");
        // Segmented in software, each segment's checksum still left to the device's checksum offload (on).
        assertTrue(after.atPeer().stream().noneMatch(f -> f.header().isGso()), after.atPeer().toString());
        assertTrue(after.atPeer().stream().allMatch(f -> f.header().needsCsum()), after.atPeer().toString());
        assertEquals(software.size(), offloaded.size());
        for (int i = 0; i < software.size(); i++) {
            assertEquals(software.get(i), offloaded.get(i), "segment " + i + " is the same on both paths");
        }

        request(SwitchParameter.ENABLED);
        assertTrue(adapter.device().features().get(EthtoolCapabilities.TSO_IPV4));
        transmitThroughFramework(send);
        assertEquals(adapter.lastTransmit().path(), TxPath.DEVICE_FINISHED_AT_WIRE);
    }

    @Test
    public void rscSwitchedOffByTheStackTurnsGroOffAndTheBatchComesUpUncoalesced() {
        List<byte[]> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(Frames.ipv4().ipId(100 + i).tcp(40001, 5001).seq(1000L + (long) i * MSS).flags(TcpFlags.ACK)
                    .payload(payload(MSS)).build());
        }
        List<RxIndication> coalesced = host.receive(batch).indications().await();
        assertEquals(coalesced.size(), 1, coalesced.toString());
        assertEquals(coalesced.get(0).rsc().coalescedSegmentCount(), 4);

        answered(host.request(OffloadParameters.switches(SwitchParameter.DISABLED, SwitchField.RSC_IPV4, SwitchField.RSC_IPV6)));
        assertFalse(adapter.device().features().get(EthtoolCapabilities.GRO), "the kernel shows GRO off: " + adapter.changes());
        List<RxIndication> separate = host.receive(batch).indications().await();
        assertEquals(separate.size(), 4, separate.toString());
        assertTrue(separate.stream().noneMatch(i -> i.rsc().coalesced()));

        answered(host.request(OffloadParameters.switches(SwitchParameter.ENABLED, SwitchField.RSC_IPV4, SwitchField.RSC_IPV6)));
        assertTrue(adapter.device().features().get(EthtoolCapabilities.GRO));
        assertEquals(host.receive(batch).indications().await().size(), 1, "GRO coalesces again once it is back on");
    }

    private void request(SwitchParameter value) {
        answered(host.request(OffloadParameters.switches(value, SwitchField.LSO_V1, SwitchField.LSO_V2_IPV4)));
    }

    private static void answered(AdapterHost.StackRequest answer) {
        assertEquals(answer.status(), NdisStatus.SUCCESS);
        answer.callbacks().await();
    }

    private List<byte[]> transmitThroughFramework(byte[] send) {
        FrameLayout layout = FrameParser.parseLargeSend(send).layout();
        TxResult result = host.transmit(send, layout, TxChecksum.PASSTHROUGH, LargeSend.lsoV1(MSS)).await();
        assertTrue(result.success(), result.toString());
        return result.frames();
    }

    private List<byte[]> transmitDirectly(byte[] send) {
        AtomicReference<TxResult> result = new AtomicReference<>();
        adapter.transmit(new TxPacket(1, send.clone(), FrameParser.parseLargeSend(send).layout(), TxChecksum.PASSTHROUGH,
                GsoRequest.tcp(MSS)), result::set);
        assertTrue(result.get().success(), result.get().toString());
        return result.get().frames();
    }

    private static byte[] payload(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 7 + i / 251);
        }
        return b;
    }
}
