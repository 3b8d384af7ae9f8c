package org.offloadkit.framework;

import static org.testng.Assert.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.TcpStream;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RscInfo;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.SwitchParameter;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/**
 * NetAdapterCx's software RSC (spec 5.9, RSC-17): it coalesces what the stack has RSC on for and the
 * hardware does not claim, and never a hardware-claimed IP version, a VLAN-tagged frame, or anything when
 * the RSC keywords are missing or the stack switched RSC off.
 */
public class SoftwareRscTest {
    private static final byte[] MAC_A = {2, 0, 0, 0, 0, 1};
    private static final byte[] MAC_B = {2, 0, 0, 0, 0, 2};

    private AdapterHost host;

    /** A driver that claims TCP over IPv4 and indicates every frame as it arrived. */
    private static final class Ipv4OnlyDriver implements Datapath {
        @Override
        public void transmit(TxPacket packet, Reply<TxResult> completion) {
            completion.send(TxResult.sent(packet.frame()));
        }

        @Override
        public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
            indications.send(batch.frames().stream().map(f -> new RxIndication(f, FrameParser.parse(f).layout(),
                    RxChecksum.NOT_CHECKED)).toList());
        }
    }

    private void start(Keywords keywords) {
        host = new AdapterHost("ipv4-rsc", keywords, Duration.ofSeconds(2));
        Ipv4OnlyDriver driver = new Ipv4OnlyDriver();
        host.initialize(adapter -> {
            adapter.setRscCapabilities(RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS),
                    false, active -> {}));
            adapter.setDatapath(driver);
        });
        host.start();
    }

    @AfterMethod(alwaysRun = true)
    public void stop() {
        host.close();
    }

    private static List<byte[]> threeSegments(boolean ipv6, boolean vlan) {
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        a[0] = b[0] = 0x20;
        a[15] = 1;
        b[15] = 2;
        TcpStream s = ipv6 ? TcpStream.ipv6(MAC_B, MAC_A, a, b, 40000, 443)
                : TcpStream.ipv4(MAC_B, MAC_A, new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}, 40000, 443);
        return List.of(0, 1, 2).stream().map(i -> {
            var builder = s.segment(1000 + 100L * i, 100, 0x10);
            return vlan ? builder.vlan(0x8100, 7).build() : builder.build();
        }).toList();
    }

    private List<RscInfo> toStack(List<byte[]> frames) {
        return host.receive(frames).toStack().stream().map(RxIndication::rsc).toList();
    }

    @Test
    public void coalescesTheIpVersionTheHardwareLeavesOut() {
        start(Keywords.standardDefaults());
        assertEquals(toStack(threeSegments(true, false)), List.of(new RscInfo(3, 0, 0)));
    }

    @Test
    public void neverCoalescesAHardwareClaimedIpVersion() {
        start(Keywords.standardDefaults());
        assertEquals(toStack(threeSegments(false, false)), List.of(RscInfo.NONE, RscInfo.NONE, RscInfo.NONE));
    }

    @Test
    public void neverCoalescesVlanTaggedFrames() {
        start(Keywords.standardDefaults());
        assertEquals(toStack(threeSegments(true, true)), List.of(RscInfo.NONE, RscInfo.NONE, RscInfo.NONE));
    }

    @Test
    public void hasNoSoftwareRscWithoutTheRscKeywords() {
        start(Keywords.none());
        assertEquals(toStack(threeSegments(true, false)), List.of(RscInfo.NONE, RscInfo.NONE, RscInfo.NONE));
    }

    @Test
    public void stopsWhenTheStackSwitchesRscOff() {
        start(Keywords.standardDefaults());
        host.request(OffloadParameters.switches(SwitchParameter.DISABLED, SwitchField.RSC_IPV6)).callbacks().await();
        assertEquals(toStack(threeSegments(true, false)), List.of(RscInfo.NONE, RscInfo.NONE, RscInfo.NONE));
    }
}
