package org.offloadkit.framework;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.Map;
import java.util.Set;

import org.offloadkit.spec.ChecksumParameter;
import org.offloadkit.spec.ChecksumSwitches;
import org.offloadkit.spec.ChecksumTarget;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.GsoTarget;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.SwitchParameter;
import org.offloadkit.spec.TxChecksumShapes;
import org.testng.annotations.Test;

/** Spec section 7: where the documented behaviour and NetAdapterCx 2100 part, each as the spec states it. */
public class FrameworkProfileTest {
    private static final FrameworkProfile DOC = FrameworkProfile.DOCUMENTED;
    private static final FrameworkProfile CX = FrameworkProfile.NETADAPTERCX_2100;
    private static final TxChecksumShapes ALL = new TxChecksumShapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 0);
    private final ChecksumCapabilitySets sets = new ChecksumCapabilitySets(ALL, true, Keywords.standardDefaults());

    private ChecksumSwitches after(FrameworkProfile profile, Map<ChecksumTarget, ChecksumParameter> fields) {
        Requested<ChecksumSwitches> r = sets.request(sets.defaults(), OffloadParameters.checksum(fields), profile);
        assertEquals(r.status(), NdisStatus.SUCCESS);
        return r.switches();
    }

    @Test
    public void tcpIpv4TxRxEnabledClearsTcpOverIpv4Under2100Only() {
        Map<ChecksumTarget, ChecksumParameter> request = Map.of(ChecksumTarget.TCP_IPV4, ChecksumParameter.TX_RX_ENABLED);
        assertTrue(sets.activeTx(after(DOC, request)).tcp().has(Layer3Flag.IPV4_NO_OPTIONS));
        assertFalse(sets.activeTx(after(CX, request)).tcp().has(Layer3Flag.IPV4_NO_OPTIONS), "spec 7 item 3");
        assertTrue(sets.activeTx(after(CX, request)).tcp().has(Layer3Flag.IPV6_NO_EXTENSIONS));
    }

    @Test
    public void orOfTheTwoVersionsDecidesTheTransportUnder2100() {
        // 2 | 3 = 3 reads as RX_ENABLED_TX_DISABLED: TCP's layer 4 flags go although IPv4 asked for Tx
        Map<ChecksumTarget, ChecksumParameter> request = Map.of(ChecksumTarget.TCP_IPV4, ChecksumParameter.TX_ENABLED_RX_DISABLED,
                ChecksumTarget.TCP_IPV6, ChecksumParameter.RX_ENABLED_TX_DISABLED);
        assertTrue(sets.activeTx(after(DOC, request)).isTcpEnabled());
        assertFalse(sets.activeTx(after(CX, request)).isTcpEnabled(), "spec 7 item 4");
        assertTrue(sets.activeRx(after(CX, request)).tcp());
        // 1 | 4 = 5 matches nothing: the transport stays as it was; the per-version values still apply
        Map<ChecksumTarget, ChecksumParameter> five = Map.of(ChecksumTarget.UDP_IPV4, ChecksumParameter.TX_RX_DISABLED,
                ChecksumTarget.UDP_IPV6, ChecksumParameter.TX_RX_ENABLED);
        ChecksumSwitches cx = after(CX, five);
        assertTrue(sets.activeRx(cx).udp());
        assertEquals(sets.activeTx(cx).udp().layer3Flags(), Set.of(Layer3Flag.IPV6_NO_EXTENSIONS, Layer3Flag.IPV6_WITH_EXTENSIONS));
        assertTrue(sets.activeTx(cx).isUdpEnabled());
    }

    @Test
    public void tcpIsRefusedOnlyWhenBothVersionsAskUnder2100() {
        ChecksumCapabilitySets v6Off = new ChecksumCapabilitySets(ALL, true, Keywords.standardDefaults().with("*TCPChecksumOffloadIPv6", "0", "test"));
        OffloadParameters v6Only = OffloadParameters.checksum(ChecksumParameter.TX_ENABLED_RX_DISABLED, ChecksumTarget.TCP_IPV6);
        assertEquals(v6Off.request(v6Off.defaults(), v6Only, DOC).status(), NdisStatus.NOT_SUPPORTED);
        assertEquals(v6Off.request(v6Off.defaults(), v6Only, CX).status(), NdisStatus.SUCCESS, "spec 7 item 5");
        OffloadParameters both = OffloadParameters.checksum(ChecksumParameter.TX_ENABLED_RX_DISABLED, ChecksumTarget.TCP_IPV4,
                ChecksumTarget.TCP_IPV6);
        assertEquals(v6Off.request(v6Off.defaults(), both, CX).status(), NdisStatus.NOT_SUPPORTED);
    }

    @Test
    public void noChangeEnablesLsoAndTheIpv6RefusalIsAsymmetricUnder2100() {
        GsoShapes hardware = new GsoShapes(Layer3Flag.ALL, Set.of(Layer4Flag.TCP_NO_OPTIONS, Layer4Flag.TCP_WITH_OPTIONS), 0, 65536, 2);
        GsoCapabilitySets gso = new GsoCapabilitySets(hardware, Keywords.standardDefaults().with("*LsoV2IPv6", "0", "test"));
        assertFalse(gso.defaults().contains(GsoTarget.LSO_IPV6));
        OffloadParameters unrelated = OffloadParameters.switches(SwitchParameter.DISABLED, SwitchField.RSC_IPV4);
        assertFalse(gso.request(gso.defaults(), unrelated, DOC).switches().contains(GsoTarget.LSO_IPV6));
        assertTrue(gso.request(gso.defaults(), unrelated, CX).switches().contains(GsoTarget.LSO_IPV6), "spec 7 item 6");
        OffloadParameters enable = OffloadParameters.switches(SwitchParameter.ENABLED, SwitchField.LSO_V2_IPV6);
        assertEquals(gso.request(gso.defaults(), enable, DOC).status(), NdisStatus.NOT_SUPPORTED);
        assertEquals(gso.request(gso.defaults(), enable, CX).status(), NdisStatus.SUCCESS, "spec 7 item 5: the IPv6 check wants TcpNoOptions clear");
    }

    @Test
    public void startDispatchIsUnmaskedUnder2100AndMaskedAsDocumented() {
        for (FrameworkProfile profile : FrameworkProfile.values()) {
            AdapterHost host = new AdapterHost("v4-only", Keywords.standardDefaults(), java.time.Duration.ofMillis(500), profile);
            ScriptedAdapter driver = new ScriptedAdapter();
            try {
                host.initialize(adapter -> {
                    adapter.setTxChecksumCapabilities(org.offloadkit.spec.TxChecksumCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS),
                            Set.of(Layer4Flag.TCP_NO_OPTIONS), 0, 0, driver.txCallbacks::add));
                    adapter.setDatapath(driver);
                });
                host.start();
                boolean ipv6 = driver.txCallbacks.get(0).tcp().has(Layer3Flag.IPV6_NO_EXTENSIONS);
                assertEquals(ipv6, profile == CX, profile + ": spec 7 item 2");
                assertFalse(host.activeTxChecksum().tcp().has(Layer3Flag.IPV6_NO_EXTENSIONS), "routing reads the hardware in both");
            } finally {
                host.close();
            }
        }
    }
}
