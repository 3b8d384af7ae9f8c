package org.offloadkit.framework;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.GsoTarget;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RscTarget;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.SwitchParameter;
import org.testng.annotations.Test;

/** Segmentation and coalescing sets from hardware and keywords (spec section 5 steps 3 and 4; KW-06..08). */
public class GsoAndRscCapabilitySetsTest {
    private static final GsoShapes EVERYTHING = new GsoShapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 65536, 2);

    @Test
    public void lsoOverIpv4IsOffWhenEitherOfItsKeywordsIsZero() {
        for (String keyword : new String[] {"*LsoV1IPv4", "*LsoV2IPv4"}) {
            Set<GsoTarget> on = new GsoCapabilitySets(EVERYTHING, Keywords.of(Map.of(keyword, "0", "*LsoV2IPv6", "1"))).defaults();
            assertEquals(on, EnumSet.of(GsoTarget.LSO_IPV6), keyword + " = 0 (KW-06)");
        }
    }

    @Test
    public void usoHasItsOwnKeywordsAndIgnoresTheChecksumOnes() {
        GsoCapabilitySets sets = new GsoCapabilitySets(EVERYTHING,
                Keywords.of(Map.of("*UsoIPv4", "0", "*UsoIPv6", "1", "*UDPChecksumOffloadIPv6", "0")));
        assertEquals(sets.defaults(), EnumSet.of(GsoTarget.USO_IPV6), "KW-07; and no LSO keyword means no LSO (KW-01)");
        GsoOffload active = sets.active(sets.defaults());
        assertTrue(active.isUsoIPv6Enabled());
        assertFalse(active.isUsoIPv4Enabled());
        assertFalse(active.isLsoIPv4Enabled() || active.isLsoIPv6Enabled());
    }

    @Test
    public void theActiveSetStaysWithinTheHardwareAndKeepsItsLimits() {
        GsoShapes ipv4Lso = new GsoShapes(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), 127, 32768, 3);
        GsoCapabilitySets sets = new GsoCapabilitySets(ipv4Lso, Keywords.standardDefaults());
        GsoOffload active = sets.active(sets.defaults());
        assertEquals(active.lso(), ipv4Lso);
        assertEquals(active.uso().layer3Flags(), Set.of(), "no USO hardware, no USO set");
    }

    @Test
    public void rscFollowsItsKeywordsWithinTheHardware() {
        RscCapabilities hardware = RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS),
                Set.of(Layer4Flag.TCP_NO_OPTIONS), true, null);
        RscCapabilitySets sets = new RscCapabilitySets(hardware, Keywords.of(Map.of("*RscIPv4", "1", "*RscIPv6", "0")));
        RscOffload active = sets.active(sets.defaults());
        assertTrue(active.isTcpRscIPv4Enabled());
        assertFalse(active.isTcpRscIPv6Enabled(), "KW-08");
        assertTrue(active.isTcpTimestampOptionEnabled(), "*RscTimestamp missing: on");
        RscCapabilitySets noTimestamps = new RscCapabilitySets(hardware, Keywords.of(Map.of("*RscIPv4", "1", "*RscTimestamp", "0")));
        assertFalse(noTimestamps.active(noTimestamps.defaults()).isTcpTimestampOptionEnabled(), "KW-08");
        assertEquals(new RscCapabilitySets(hardware, Keywords.none()).defaults(), EnumSet.noneOf(RscTarget.class), "KW-01");
    }

    @Test
    public void theStackSwitchesSegmentationAndCoalescingByField() {
        GsoCapabilitySets gso = new GsoCapabilitySets(EVERYTHING, Keywords.standardDefaults());
        Requested<Set<GsoTarget>> lsoV1Off = gso.request(gso.defaults(), OffloadParameters.switches(SwitchParameter.DISABLED, SwitchField.LSO_V1));
        assertEquals(lsoV1Off.status(), NdisStatus.SUCCESS);
        assertEquals(lsoV1Off.switches(), EnumSet.of(GsoTarget.LSO_IPV6, GsoTarget.USO_IPV4, GsoTarget.USO_IPV6),
                "LsoV1 disabled switches LSO over IPv4 off");
        Requested<Set<GsoTarget>> back = gso.request(lsoV1Off.switches(), OffloadParameters.switches(SwitchParameter.ENABLED, SwitchField.LSO_V2_IPV4));
        assertTrue(back.switches().contains(GsoTarget.LSO_IPV4));
        GsoCapabilitySets noUso = new GsoCapabilitySets(EVERYTHING, Keywords.of(Map.of("*LsoV2IPv6", "1")));
        assertEquals(noUso.request(noUso.defaults(), OffloadParameters.switches(SwitchParameter.ENABLED, SwitchField.USO_IPV6)).status(),
                NdisStatus.NOT_SUPPORTED, "ACT-03");

        RscCapabilities hardware = RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS),
                Set.of(Layer4Flag.TCP_NO_OPTIONS), false, null);
        RscCapabilitySets rsc = new RscCapabilitySets(hardware, Keywords.standardDefaults());
        Requested<Set<RscTarget>> v6Off = rsc.request(rsc.defaults(), OffloadParameters.switches(SwitchParameter.DISABLED, SwitchField.RSC_IPV6));
        assertFalse(rsc.active(v6Off.switches()).isTcpRscIPv6Enabled());
        assertTrue(rsc.active(v6Off.switches()).isTcpRscIPv4Enabled());
    }
}
