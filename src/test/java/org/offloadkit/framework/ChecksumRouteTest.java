package org.offloadkit.framework;

import static org.offloadkit.framework.ChecksumRoute.Rule.LAYER3_FLAG_MISSING;
import static org.offloadkit.framework.ChecksumRoute.Rule.LAYER3_OFFSET_BEYOND_LIMIT;
import static org.offloadkit.framework.ChecksumRoute.Rule.LAYER3_TYPE_UNSPECIFIED;
import static org.offloadkit.framework.ChecksumRoute.Rule.LAYER4_FLAG_MISSING;
import static org.offloadkit.framework.ChecksumRoute.Rule.LAYER4_OFFSET_BEYOND_LIMIT;
import static org.offloadkit.framework.ChecksumRoute.Rule.NOTHING_REQUIRED;
import static org.offloadkit.framework.ChecksumRoute.Rule.NO_HARDWARE_CAPABILITIES;
import static org.offloadkit.framework.ChecksumRoute.Rule.WITHIN_HARDWARE_CAPABILITIES;
import static org.offloadkit.spec.Layer3Flag.IPV4_NO_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV4_WITH_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_NO_EXTENSIONS;
import static org.offloadkit.spec.Layer4Flag.TCP_NO_OPTIONS;
import static org.offloadkit.spec.Layer4Flag.UDP;
import static org.offloadkit.spec.TxChecksumAction.PASSTHROUGH;
import static org.offloadkit.spec.TxChecksumAction.REQUIRED;
import static org.testng.Assert.assertEquals;

import java.util.Set;

import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Ipv6Extension;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumShapes;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Spec 5.8(b), case by case: when the framework checksums in software and the driver sees Passthrough. */
public class ChecksumRouteTest {
    private static final byte[] V4A = {10, 0, 0, 1};
    private static final byte[] V4B = {10, 0, 0, 2};
    private static final byte[] V6A = new byte[16];
    private static final byte[] V6B = new byte[16];

    static {
        V6A[0] = 0x20;
        V6B[0] = 0x20;
        V6B[15] = 1;
    }

    private static final FrameLayout IPV4_TCP = layout(base().ipv4(V4A, V4B).tcp(1, 2));
    private static final FrameLayout IPV4_OPTIONS_TCP = layout(base().ipv4(V4A, V4B).ipv4Options(new byte[] {(byte) 0x94, 4, 0, 0}).tcp(1, 2));
    private static final FrameLayout IPV4_TCP_OPTIONS = layout(base().ipv4(V4A, V4B).tcp(1, 2).tcpOptions(new byte[] {2, 4, 5, (byte) 0xb4}));
    private static final FrameLayout IPV6_UDP = layout(base().ipv6(V6A, V6B).udp(1, 2));
    private static final FrameLayout IPV6_OPTS200_UDP = layout(base().ipv6(V6A, V6B).extension(Ipv6Extension.destinationOptions(200)).udp(1, 2));
    private static final FrameLayout VLAN_IPV4_TCP = layout(base().vlan(0x8100, 1).ipv4(V4A, V4B).tcp(1, 2));

    private static final TxChecksum BOTH = new TxChecksum(REQUIRED, REQUIRED);
    private static final TxChecksum LAYER3 = new TxChecksum(REQUIRED, PASSTHROUGH);
    private static final TxChecksum LAYER4 = new TxChecksum(PASSTHROUGH, REQUIRED);

    private static FrameBuilder base() {
        return FrameBuilder.ethernet(new byte[6], new byte[6]);
    }

    private static FrameLayout layout(FrameBuilder b) {
        return FrameParser.parse(b.build()).layout();
    }

    private static TxChecksumShapes shapes(Set<Layer3Flag> l3, Set<Layer4Flag> l4, int l3Limit, int l4Limit) {
        return new TxChecksumShapes(l3, l4, l3Limit, l4Limit);
    }

    private static final TxChecksumShapes EVERYTHING = shapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 0);
    private static final TxChecksumShapes PLAIN_V4_TCP = shapes(Set.of(IPV4_NO_OPTIONS), Set.of(TCP_NO_OPTIONS), 0, 0);

    @DataProvider
    public Object[][] cases() {
        return new Object[][] {
                {"nothing Required never falls back", IPV4_TCP, TxChecksum.PASSTHROUGH, TxChecksumShapes.NONE, NOTHING_REQUIRED},
                {"no Tx checksum capabilities at all", IPV4_TCP, BOTH, TxChecksumShapes.NONE, NO_HARDWARE_CAPABILITIES},
                {"the shape is advertised", IPV4_TCP, BOTH, PLAIN_V4_TCP, WITHIN_HARDWARE_CAPABILITIES},
                {"TCP with options needs TcpWithOptions", IPV4_TCP_OPTIONS, LAYER4, PLAIN_V4_TCP, LAYER4_FLAG_MISSING},
                {"TCP options do not matter when layer 4 is Passthrough", IPV4_TCP_OPTIONS, LAYER3, PLAIN_V4_TCP, WITHIN_HARDWARE_CAPABILITIES},
                {"UDP needs the Udp flag", IPV6_UDP, LAYER4, shapes(Set.of(IPV6_NO_EXTENSIONS), Set.of(TCP_NO_OPTIONS), 0, 0), LAYER4_FLAG_MISSING},
                {"IPv4 options need IPv4WithOptions", IPV4_OPTIONS_TCP, LAYER3, PLAIN_V4_TCP, LAYER3_FLAG_MISSING},
                {"layer 3 flags count for a layer 4 request too", IPV4_OPTIONS_TCP, LAYER4, PLAIN_V4_TCP, LAYER3_FLAG_MISSING},
                {"IPv6 needs an IPv6 flag", IPV6_UDP, LAYER4, shapes(Set.of(IPV4_NO_OPTIONS), Set.of(UDP), 0, 0), LAYER3_FLAG_MISSING},
                {"unspecified layer 3 skips the layer 3 flags", IPV4_OPTIONS_TCP.withLayer3Type(IPV4_OPTIONS_TCP.layer3Type().unspecifiedVariant()),
                        LAYER3, PLAIN_V4_TCP, LAYER3_TYPE_UNSPECIFIED},
                {"unspecified layer 3 skips the offset limits", IPV6_OPTS200_UDP.withLayer3Type(IPV6_OPTS200_UDP.layer3Type().unspecifiedVariant()),
                        LAYER4, shapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 127), LAYER3_TYPE_UNSPECIFIED},
                {"unspecified layer 3 still needs the layer 4 flag", IPV6_UDP.withLayer3Type(IPV6_UDP.layer3Type().unspecifiedVariant()),
                        LAYER4, shapes(Layer3Flag.ALL, Set.of(TCP_NO_OPTIONS), 0, 0), LAYER4_FLAG_MISSING},
                {"layer 4 offset 254 beyond a limit of 127", IPV6_OPTS200_UDP, LAYER4, shapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 127), LAYER4_OFFSET_BEYOND_LIMIT},
                {"layer 4 offset 254 within a limit of 255", IPV6_OPTS200_UDP, LAYER4, shapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 255), WITHIN_HARDWARE_CAPABILITIES},
                {"a layer 4 offset equal to the limit is within it", IPV4_TCP, LAYER4, shapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 34), WITHIN_HARDWARE_CAPABILITIES},
                {"one byte past the layer 4 limit", IPV4_TCP, LAYER4, shapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 33), LAYER4_OFFSET_BEYOND_LIMIT},
                {"layer 3 offset beyond the limit", VLAN_IPV4_TCP, LAYER3, shapes(Layer3Flag.ALL, Layer4Flag.ALL, 14, 0), LAYER3_OFFSET_BEYOND_LIMIT},
                {"a zero limit is no limit", IPV6_OPTS200_UDP, LAYER4, EVERYTHING, WITHIN_HARDWARE_CAPABILITIES},
                {"IPv4WithOptions alone does not cover IPv4 without options", IPV4_TCP, LAYER3, shapes(Set.of(IPV4_WITH_OPTIONS), Layer4Flag.ALL, 0, 0), LAYER3_FLAG_MISSING},
        };
    }

    @Test(dataProvider = "cases")
    public void route(String name, FrameLayout layout, TxChecksum request, TxChecksumShapes hardware, ChecksumRoute.Rule expected) {
        ChecksumRoute route = ChecksumRoute.of(layout, request, hardware);
        assertEquals(route.rule(), expected, name + ": " + route);
        assertEquals(route.software(), expected.software, name);
    }
}
