package org.offloadkit.dut.linux;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.offloadkit.linux.NetDevice.Feature;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumOffload;
import org.offloadkit.spec.TxChecksumShapes;
import org.testng.annotations.Test;

/** ethtool features to NetAdapterCx capabilities and back, for devices described as ethtool -k shows them. */
public class EthtoolCapabilitiesTest {
    private static final Feature ON = new Feature(true, false);
    private static final Feature OFF = new Feature(false, false);
    private static final Feature FIXED_OFF = new Feature(false, true);
    private static final Feature FIXED_ON = new Feature(true, true);

    /** What ethtool -k shows for a veth end on 6.18. */
    private static Map<String, Feature> veth() {
        Map<String, Feature> f = new LinkedHashMap<>();
        f.put("tx-checksum-ipv4", FIXED_OFF);
        f.put("tx-checksum-ip-generic", ON);
        f.put("tx-checksum-ipv6", FIXED_OFF);
        f.put("rx-checksumming", ON);
        f.put("tx-tcp-segmentation", ON);
        f.put("tx-tcp6-segmentation", ON);
        f.put("tx-udp-segmentation", ON);
        f.put("large-receive-offload", FIXED_OFF);
        f.put("rx-gro-hw", FIXED_OFF);
        f.put("generic-receive-offload", ON);
        return f;
    }

    /** A NIC with IPv4-only checksum and TSO, no USO, LRO that is off but may be switched on. */
    private static Map<String, Feature> ipv4Nic() {
        Map<String, Feature> f = new LinkedHashMap<>();
        f.put("tx-checksum-ipv4", ON);
        f.put("tx-checksum-ip-generic", FIXED_OFF);
        f.put("tx-checksum-ipv6", FIXED_OFF);
        f.put("rx-checksumming", FIXED_ON);
        f.put("tx-tcp-segmentation", ON);
        f.put("tx-tcp6-segmentation", FIXED_OFF);
        f.put("tx-udp-segmentation", FIXED_OFF);
        f.put("large-receive-offload", OFF);
        f.put("rx-gro-hw", FIXED_OFF);
        f.put("generic-receive-offload", ON);
        return f;
    }

    @Test
    public void vethOffersEveryShapeWithoutOffsetLimits() {
        EthtoolCapabilities caps = new EthtoolCapabilities(veth(), 65536);
        TxChecksumCapabilities tx = caps.txChecksum(active -> {}).orElseThrow();
        assertEquals(tx.shapes().layer3Flags(), Layer3Flag.ALL);
        assertEquals(tx.shapes().layer4Flags(), Layer4Flag.ALL);
        assertEquals(tx.shapes().layer4HeaderOffsetLimit(), 0);
        GsoCapabilities gso = caps.gso(active -> {}).orElseThrow();
        assertEquals(gso.shapes().layer4Flags(), Layer4Flag.ALL);
        assertEquals(gso.shapes().maximumOffloadSize(), 65535 - 8, "what a UDP Length holds, less the UDP header");
        assertEquals(gso.shapes().minimumSegmentCount(), 2);
        assertTrue(gso.subMssFinalSegmentSupported());
        assertTrue(caps.rxChecksum(active -> {}).isPresent());
        assertTrue(caps.rsc(active -> {}).orElseThrow().tcpTimestampOption());
    }

    @Test
    public void anIpv4OnlyNicOffersIpv4AndNothingItCannotDo() {
        EthtoolCapabilities caps = new EthtoolCapabilities(ipv4Nic(), 65536);
        TxChecksumCapabilities tx = caps.txChecksum(active -> {}).orElseThrow();
        assertEquals(tx.shapes().layer3Flags(), Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV4_WITH_OPTIONS));
        GsoCapabilities gso = caps.gso(active -> {}).orElseThrow();
        assertEquals(gso.shapes().layer3Flags(), Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV4_WITH_OPTIONS));
        assertFalse(gso.shapes().has(Layer4Flag.UDP), "no USO");
        assertTrue(caps.rsc(active -> {}).isPresent(), "GRO (and LRO that may be switched on)");
    }

    @Test
    public void aDeviceWithoutOffloadsAdvertisesNone() {
        Map<String, Feature> none = new LinkedHashMap<>();
        veth().keySet().forEach(name -> none.put(name, FIXED_OFF));
        EthtoolCapabilities caps = new EthtoolCapabilities(none, 65536);
        assertTrue(caps.txChecksum(active -> {}).isEmpty());
        assertTrue(caps.rxChecksum(active -> {}).isEmpty());
        assertTrue(caps.gso(active -> {}).isEmpty());
        assertTrue(caps.rsc(active -> {}).isEmpty());
    }

    @Test
    public void activeSetsBecomeTheFeaturesTheDeviceCanChange() {
        EthtoolCapabilities caps = new EthtoolCapabilities(ipv4Nic(), 65536);
        GsoShapes lso = new GsoShapes(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), 0, 65536, 2);
        assertEquals(caps.features(new GsoOffload(lso, GsoShapes.NONE)), Map.of("tx-tcp-segmentation", true),
                "fixed features are never asked for");
        assertEquals(caps.features(RscOffload.NONE), Map.of("large-receive-offload", false, "generic-receive-offload", false));
        // Checksum off but LSO on: Linux drops TSO from a device without checksum offload, so checksum stays on.
        assertEquals(caps.features(TxChecksumOffload.NONE, new GsoOffload(lso, GsoShapes.NONE)), Map.of("tx-checksum-ipv4", true));
        assertEquals(caps.features(TxChecksumOffload.NONE, GsoOffload.NONE), Map.of("tx-checksum-ipv4", false));
        TxChecksumShapes udp4 = new TxChecksumShapes(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.UDP), 0, 0);
        assertEquals(caps.features(new TxChecksumOffload(TxChecksumShapes.NONE, TxChecksumShapes.NONE, udp4), GsoOffload.NONE),
                Map.of("tx-checksum-ipv4", true));
    }
}
