package org.offloadkit.framework;

import static org.offloadkit.spec.ChecksumTarget.IPV4_HEADER;
import static org.offloadkit.spec.ChecksumTarget.TCP_IPV4;
import static org.offloadkit.spec.ChecksumTarget.TCP_IPV6;
import static org.offloadkit.spec.ChecksumTarget.UDP_IPV4;
import static org.offloadkit.spec.ChecksumTarget.UDP_IPV6;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.offloadkit.spec.ChecksumParameter;
import org.offloadkit.spec.ChecksumSwitches;
import org.offloadkit.spec.ChecksumTarget;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.TxChecksumOffload;
import org.offloadkit.spec.TxChecksumShapes;
import org.testng.annotations.Test;

/** Software, default and active checksum sets from hardware and keywords (spec sections 4 and 5). */
public class ChecksumCapabilitySetsTest {
    private static final TxChecksumShapes EVERYTHING = new TxChecksumShapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 255);

    private static ChecksumCapabilitySets sets(Map<String, String> keywords) {
        return new ChecksumCapabilitySets(EVERYTHING, true, Keywords.of(keywords));
    }

    @Test
    public void withoutAChecksumKeywordThereIsNoSoftwareTxSet() {
        ChecksumCapabilitySets none = new ChecksumCapabilitySets(EVERYTHING, true, Keywords.none());
        assertFalse(none.hasSoftwareTx());
        assertEquals(none.softwareTx(), TxChecksumShapes.NONE);
        assertEquals(none.defaults().tx(), Set.of(), "KW-01: the family is not exposed");
        assertEquals(none.defaults().rx(), EnumSet.allOf(ChecksumTarget.class), "Rx is exposed by registration alone (CAP-13)");
    }

    @Test
    public void oneKeywordGivesTheWholeSoftwareSet() {
        ChecksumCapabilitySets one = sets(Map.of("*UDPChecksumOffloadIPv6", "3"));
        assertEquals(one.softwareTx(), new TxChecksumShapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 0), "KW-02");
    }

    @Test
    public void bitZeroIsTxAndBitOneIsRx() {
        ChecksumSwitches on = sets(Map.of("*IPChecksumOffloadIPv4", "0", "*TCPChecksumOffloadIPv4", "1",
                "*TCPChecksumOffloadIPv6", "2", "*UDPChecksumOffloadIPv4", "3")).defaults();
        assertEquals(on.tx(), Set.of(TCP_IPV4, UDP_IPV4, UDP_IPV6), "KW-03: 0 and 2 leave Tx off; a missing keyword is on");
        assertEquals(on.rx(), Set.of(TCP_IPV6, UDP_IPV4, UDP_IPV6), "KW-04: 2 and 3 keep Rx on; a missing keyword is on");
    }

    @Test
    public void anUnreadableValueCountsAsEnabled() {
        ChecksumSwitches on = sets(Map.of("*TCPChecksumOffloadIPv4", "Rx&Tx")).defaults();
        assertTrue(on.tx(TCP_IPV4) && on.rx(TCP_IPV4), "KW-10");
    }

    @Test
    public void oneClearedKeywordRemovesOnlyThatIpVersion() {
        ChecksumCapabilitySets s = sets(Map.of("*TCPChecksumOffloadIPv6", "2", "*TCPChecksumOffloadIPv4", "3"));
        TxChecksumOffload tx = s.activeTx(s.defaults());
        assertEquals(tx.tcp().layer3Flags(), Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV4_WITH_OPTIONS), "KW-05");
        assertTrue(tx.isTcpEnabled(), "TCP stays on while one IP version has it");
        ChecksumCapabilitySets both = sets(Map.of("*TCPChecksumOffloadIPv6", "2", "*TCPChecksumOffloadIPv4", "0"));
        assertFalse(both.activeTx(both.defaults()).isTcpEnabled(), "KW-05: off only when both versions are off");
    }

    @Test
    public void theActiveSetStaysWithinTheHardware() {
        TxChecksumShapes v4Tcp = new TxChecksumShapes(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), 0, 127);
        ChecksumCapabilitySets s = new ChecksumCapabilitySets(v4Tcp, false, Keywords.standardDefaults());
        TxChecksumOffload tx = s.activeTx(s.defaults());
        assertEquals(tx.tcp().layer3Flags(), Set.of(Layer3Flag.IPV4_NO_OPTIONS));
        assertEquals(tx.tcp().layer4Flags(), Set.of(Layer4Flag.TCP_NO_OPTIONS));
        assertFalse(tx.isUdpEnabled());
        assertEquals(tx.tcp().layer4HeaderOffsetLimit(), 0, "ACT-04: NETOFFLOAD's Tx checksum sets carry no offset limits");
        assertFalse(s.activeRx(s.defaults()).tcp(), "no Rx registration, no Rx checksum");
    }

    @Test
    public void enablingWhatTheDefaultsLackIsNotSupported() {
        ChecksumCapabilitySets s = sets(Map.of("*TCPChecksumOffloadIPv4", "2"));
        Requested<ChecksumSwitches> outcome = s.request(s.defaults(),
                OffloadParameters.checksum(ChecksumParameter.TX_RX_ENABLED, TCP_IPV4));
        assertEquals(outcome.status(), NdisStatus.NOT_SUPPORTED, "ACT-03");
        assertEquals(outcome.switches(), s.defaults());
    }

    @Test
    public void noChangeLeavesATargetAsItIs() {
        ChecksumCapabilitySets s = new ChecksumCapabilitySets(EVERYTHING, true, Keywords.standardDefaults());
        Requested<ChecksumSwitches> outcome = s.request(s.defaults(),
                OffloadParameters.checksum(Map.of(IPV4_HEADER, ChecksumParameter.RX_ENABLED_TX_DISABLED, TCP_IPV6, ChecksumParameter.NO_CHANGE)));
        assertEquals(outcome.status(), NdisStatus.SUCCESS);
        assertFalse(outcome.switches().tx(IPV4_HEADER));
        assertTrue(outcome.switches().rx(IPV4_HEADER));
        assertTrue(outcome.switches().tx(TCP_IPV6) && outcome.switches().rx(TCP_IPV6));
    }
}
