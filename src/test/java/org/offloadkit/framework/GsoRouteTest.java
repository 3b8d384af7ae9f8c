package org.offloadkit.framework;

import static org.offloadkit.framework.GsoRoute.Rule.LAYER3_FLAG_MISSING;
import static org.offloadkit.framework.GsoRoute.Rule.LAYER3_TYPE_UNSPECIFIED;
import static org.offloadkit.framework.GsoRoute.Rule.LAYER4_FLAG_MISSING;
import static org.offloadkit.framework.GsoRoute.Rule.LAYER4_OFFSET_BEYOND_LIMIT;
import static org.offloadkit.framework.GsoRoute.Rule.NO_HARDWARE_CAPABILITIES;
import static org.offloadkit.framework.GsoRoute.Rule.NO_SEGMENTATION;
import static org.offloadkit.framework.GsoRoute.Rule.WITHIN_HARDWARE_CAPABILITIES;
import static org.offloadkit.spec.Layer3Flag.IPV4_NO_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_NO_EXTENSIONS;
import static org.offloadkit.spec.Layer4Flag.TCP_NO_OPTIONS;
import static org.offloadkit.spec.Layer4Flag.UDP;
import static org.offloadkit.spec.TxChecksumAction.PASSTHROUGH;
import static org.offloadkit.spec.TxChecksumAction.REQUIRED;
import static org.testng.Assert.assertEquals;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Ipv6Extension;
import org.offloadkit.spec.GsoRequest;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.TxChecksum;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Spec 5.8(a), case by case: when the framework segments a large send itself and the driver sees Mss 0. */
public class GsoRouteTest {
    private static final byte[] V4A = {10, 0, 0, 1};
    private static final byte[] V4B = {10, 0, 0, 2};
    private static final byte[] V6A = new byte[16];
    private static final byte[] V6B = new byte[16];

    private static FrameBuilder base() {
        return FrameBuilder.ethernet(new byte[6], new byte[6]);
    }

    private static FrameLayout layout(FrameBuilder b) {
        return FrameParser.parse(b.build()).layout();
    }

    private static final FrameLayout IPV4_TCP = layout(base().ipv4(V4A, V4B).tcp(1, 2));
    private static final FrameLayout IPV4_OPTIONS_TCP = layout(base().ipv4(V4A, V4B).ipv4Options(new byte[] {(byte) 0x94, 4, 0, 0}).tcp(1, 2));
    private static final FrameLayout IPV4_TCP_OPTIONS = layout(base().ipv4(V4A, V4B).tcp(1, 2).tcpOptions(new byte[] {1, 1, 1, 1}));
    private static final FrameLayout IPV6_UDP = layout(base().ipv6(V6A, V6B).udp(1, 2));
    private static final FrameLayout IPV6_OPTS208_TCP = layout(base().ipv6(V6A, V6B).extension(Ipv6Extension.destinationOptions(208)).tcp(1, 2));
    private static final FrameLayout IPV4_ICMP = layout(base().ipv4(V4A, V4B).protocol(1).payload(new byte[8]));

    private static final GsoRequest LSO = GsoRequest.tcp(1448);
    private static final GsoRequest USO = GsoRequest.udp(1400);

    private static GsoShapes shapes(Set<Layer3Flag> l3, Set<Layer4Flag> l4, int limit) {
        return new GsoShapes(l3, l4, limit, 65536, 2);
    }

    private static final GsoShapes EVERYTHING = shapes(Layer3Flag.ALL, Layer4Flag.ALL, 0);
    private static final GsoShapes PLAIN_V4_LSO = shapes(Set.of(IPV4_NO_OPTIONS), Set.of(TCP_NO_OPTIONS), 0);

    private static FrameLayout unspecified(FrameLayout layout) {
        return layout.withLayer3Type(layout.layer3Type().unspecifiedVariant());
    }

    @DataProvider
    public Object[][] cases() {
        return new Object[][] {
                {"Mss 0 asks for no segmentation", IPV4_TCP, GsoRequest.tcp(0), GsoShapes.NONE, NO_SEGMENTATION},
                {"neither TCP nor UDP", IPV4_ICMP, LSO, GsoShapes.NONE, NO_SEGMENTATION},
                {"no GSO capabilities at all", IPV4_TCP, LSO, GsoShapes.NONE, NO_HARDWARE_CAPABILITIES},
                {"the shape is advertised", IPV4_TCP, LSO, PLAIN_V4_LSO, WITHIN_HARDWARE_CAPABILITIES},
                {"IPv6 needs an IPv6 flag", IPV6_UDP, USO, shapes(Set.of(IPV4_NO_OPTIONS), Set.of(UDP), 0), LAYER3_FLAG_MISSING},
                {"IPv4 options need IPv4WithOptions", IPV4_OPTIONS_TCP, LSO, PLAIN_V4_LSO, LAYER3_FLAG_MISSING},
                {"TCP options need TcpWithOptions", IPV4_TCP_OPTIONS, LSO, PLAIN_V4_LSO, LAYER4_FLAG_MISSING},
                {"UDP needs the Udp flag", IPV6_UDP, USO, shapes(Set.of(IPV6_NO_EXTENSIONS), Set.of(TCP_NO_OPTIONS), 0), LAYER4_FLAG_MISSING},
                {"an unspecified layer 3 type ends the check before the layer 4 flags", unspecified(IPV6_UDP), USO,
                        shapes(Set.of(IPV6_NO_EXTENSIONS), Set.of(TCP_NO_OPTIONS), 0), LAYER3_TYPE_UNSPECIFIED},
                {"an unspecified layer 3 type skips the offset limit", unspecified(IPV6_OPTS208_TCP), LSO,
                        shapes(Layer3Flag.ALL, Layer4Flag.ALL, 255), LAYER3_TYPE_UNSPECIFIED},
                {"L2+L3 of 262 beyond a limit of 255", IPV6_OPTS208_TCP, LSO, shapes(Layer3Flag.ALL, Layer4Flag.ALL, 255), LAYER4_OFFSET_BEYOND_LIMIT},
                {"L2+L3 equal to the limit is within it", IPV4_TCP, LSO, shapes(Layer3Flag.ALL, Layer4Flag.ALL, 34), WITHIN_HARDWARE_CAPABILITIES},
                {"one byte past the limit", IPV4_TCP, LSO, shapes(Layer3Flag.ALL, Layer4Flag.ALL, 33), LAYER4_OFFSET_BEYOND_LIMIT},
                {"a zero limit is no limit", IPV6_OPTS208_TCP, LSO, EVERYTHING, WITHIN_HARDWARE_CAPABILITIES},
        };
    }

    @Test(dataProvider = "cases")
    public void route(String name, FrameLayout layout, GsoRequest request, GsoShapes hardware, GsoRoute.Rule expected) {
        GsoRoute route = GsoRoute.of(layout, request, hardware);
        assertEquals(route.rule(), expected, name + ": " + route);
        assertEquals(route.software(), expected.software, name);
    }

    @Test
    public void eachSegmentAsksForItsChecksumsExceptAUdpChecksumTheTemplateLeftZero() {
        byte[] ipv4 = base().ipv4(V4A, V4B).tcp(1, 2).build();
        assertEquals(GsoRoute.segmentChecksum(ipv4, FrameParser.parse(ipv4).layout()), new TxChecksum(REQUIRED, REQUIRED));
        byte[] ipv6 = base().ipv6(V6A, V6B).udp(1, 2).build();
        assertEquals(GsoRoute.segmentChecksum(ipv6, IPV6_UDP), new TxChecksum(PASSTHROUGH, REQUIRED));
        Bytes.put16(ipv6, IPV6_UDP.transportChecksumOffset(), 0);
        assertEquals(GsoRoute.segmentChecksum(ipv6, IPV6_UDP), TxChecksum.PASSTHROUGH);
    }
}
