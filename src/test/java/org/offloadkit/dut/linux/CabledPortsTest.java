package org.offloadkit.dut.linux;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.Keywords;
import org.offloadkit.linux.SkipWithoutRoot;
import org.offloadkit.linux.Namespace;
import org.offloadkit.linux.NetDevice;
import org.offloadkit.linux.VethPair;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Frames;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxResult;
import org.testng.annotations.Test;

/**
 * {@code linux:IFACE,peer=IFACE2} on two ports of the host, here a veth pair standing in for two NICs cabled
 * back to back: the datapath runs both ways, and the ports are left as they were found, features included.
 */
public class CabledPortsTest {

    @Test
    public void runsOnPortsItDidNotMakeAndPutsTheirFeaturesBack() {
        SkipWithoutRoot.check();
        String suffix = Long.toString(ProcessHandle.current().pid() % 100000);
        NetDevice port = new NetDevice("okca" + suffix, Namespace.host());
        NetDevice peer = new NetDevice("okcb" + suffix, Namespace.host());
        VethPair cable = VethPair.create(port, peer);
        try {
            // Quiet, as the ports must be: no IPv6 autoconfiguration chattering on the wire.
            for (NetDevice end : List.of(port, peer)) {
                Namespace.host().setSysctl("net.ipv6.conf." + end.name() + ".disable_ipv6", "1");
            }
            port.setFeatures(Map.of(EthtoolCapabilities.GRO, false));
            Map<String, Boolean> portBefore = port.features();
            Map<String, Boolean> peerBefore = peer.features();

            LinuxAdapter adapter = (LinuxAdapter) new LinuxAdapterProvider().create(port.name() + ",peer=" + peer.name());
            try (AdapterHost host = new AdapterHost("linux:cabled", Keywords.standardDefaults(), Duration.ofSeconds(10))) {
                host.initialize(adapter::initialize);
                host.start();
                assertTrue(port.features().get(EthtoolCapabilities.GRO), "RSC active at start: GRO switched on");

                byte[] frame = Frames.ipv4().tcp(40000, 5001).flags(TcpFlags.ACK).payload(new byte[300]).build();
                FrameLayout layout = (FrameLayout) FrameParser.parse(frame);
                TxResult sent = host.transmit(frame, layout, new TxChecksum(TxChecksumAction.PASSTHROUGH, TxChecksumAction.REQUIRED))
                        .result().await();
                assertEquals(sent.frames().size(), 1, sent.toString());

                List<RxIndication> up = host.receive(List.of(sent.frames().get(0))).indications().await();
                assertEquals(up.size(), 1);
                assertEquals(up.get(0).frame(), sent.frames().get(0));
                assertEquals(up.get(0).checksum().layer4(), RxChecksumEvaluation.VALID, "GRO checked the checksum the device made");
            } finally {
                adapter.close();
            }
            assertEquals(port.features(), portBefore, "the port's features as found");
            assertEquals(peer.features(), peerBefore, "the peer's features as found");
            assertFalse(port.features().get(EthtoolCapabilities.GRO));
        } finally {
            cable.delete();
        }
    }
}
