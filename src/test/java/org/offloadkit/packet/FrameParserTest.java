package org.offloadkit.packet;

import static org.offloadkit.packet.Frames.HOME_ADDRESS;
import static org.offloadkit.packet.Frames.IPV4_B;
import static org.offloadkit.packet.Frames.IPV6_B;
import static org.offloadkit.packet.Frames.ethernet;
import static org.offloadkit.packet.Frames.ipv4;
import static org.offloadkit.packet.Frames.ipv6;
import static org.offloadkit.packet.Frames.padded;
import static org.offloadkit.packet.Frames.payload;
import static org.offloadkit.packet.Frames.sixteenBytesAt;
import static org.offloadkit.packet.Layer3Type.IPV4_NO_OPTIONS;
import static org.offloadkit.packet.Layer3Type.IPV4_WITH_OPTIONS;
import static org.offloadkit.packet.Layer3Type.IPV6_NO_EXTENSIONS;
import static org.offloadkit.packet.Layer3Type.IPV6_WITH_EXTENSIONS;
import static org.offloadkit.packet.Layer4Type.IP_FRAGMENT;
import static org.offloadkit.packet.Layer4Type.IP_NOT_FRAGMENT;
import static org.offloadkit.packet.Layer4Type.TCP;
import static org.offloadkit.packet.Layer4Type.UDP;
import static org.testng.Assert.assertEquals;

import java.util.Arrays;

import org.testng.annotations.Test;

/**
 * Every layout the parser knows, each built with {@link FrameBuilder} and checked against lengths worked
 * out by hand. Malformed frames are in {@link FrameParserMalformationTest}, arbitrary bytes in
 * {@link FrameParserRobustnessTest}.
 */
public class FrameParserTest {
    private static final int PAYLOAD = 10;

    /** The NET_PACKET_LAYOUT fields, so one assertion shows all of them when one is wrong. */
    record NetPacketLayout(Layer2Type layer2Type, int layer2Length, Layer3Type layer3Type, int layer3Length,
                           Layer4Type layer4Type, int layer4Length) {
        static NetPacketLayout ethernet(int layer2Length, Layer3Type layer3Type, int layer3Length,
                                        Layer4Type layer4Type, int layer4Length) {
            return new NetPacketLayout(Layer2Type.ETHERNET, layer2Length, layer3Type, layer3Length, layer4Type, layer4Length);
        }

        static NetPacketLayout of(FrameLayout layout) {
            return new NetPacketLayout(layout.layer2Type(), layout.layer2Length(), layout.layer3Type(),
                    layout.layer3Length(), layout.layer4Type(), layout.layer4Length());
        }
    }

    private static FrameLayout parse(byte[] frame) {
        return FrameParser.parse(frame).layout();
    }

    private static void assertNetPacketLayout(FrameLayout layout, int layer2Length, Layer3Type layer3Type,
                                              int layer3Length, Layer4Type layer4Type, int layer4Length) {
        assertEquals(NetPacketLayout.of(layout),
                NetPacketLayout.ethernet(layer2Length, layer3Type, layer3Length, layer4Type, layer4Length));
    }

    // ---------------------------------------------------------------- layer 2

    @Test
    public void untaggedIpv4Tcp() {
        FrameLayout layout = parse(ipv4().tcp(40000, 443).payload(payload(PAYLOAD)).build());

        assertNetPacketLayout(layout, 14, IPV4_NO_OPTIONS, 20, TCP, 20);
        assertEquals(layout.vlanTags(), 0);
        assertEquals(layout.ipProtocol(), 6);
        assertEquals(layout.ipEnd(), 14 + 20 + 20 + PAYLOAD);
        assertEquals(layout.pseudoDestination(), 14 + 16);
    }

    @Test
    public void dot1qTagAddsFourBytesOfLayer2() {
        FrameLayout layout = parse(ipv4().vlan(0x8100, 100).udp(5000, 53).payload(payload(PAYLOAD)).build());

        assertNetPacketLayout(layout, 18, IPV4_NO_OPTIONS, 20, UDP, 8);
        assertEquals(layout.vlanTags(), 1);
        assertEquals(layout.ipEnd(), 18 + 20 + 8 + PAYLOAD);
        assertEquals(layout.pseudoDestination(), 18 + 16);
    }

    @Test
    public void qinqOuter88a8AndInner8100BothCount() {
        FrameLayout layout = parse(ipv4().vlan(0x88A8, 10).vlan(0x8100, 20).tcp(40000, 443).payload(payload(PAYLOAD)).build());

        assertNetPacketLayout(layout, 22, IPV4_NO_OPTIONS, 20, TCP, 20);
        assertEquals(layout.vlanTags(), 2);
        assertEquals(layout.ipEnd(), 22 + 20 + 20 + PAYLOAD);
    }

    @Test
    public void prestandardQinqOuter9100Counts() {
        FrameLayout layout = parse(ipv6().vlan(0x9100, 10).vlan(0x8100, 20).udp(5000, 53).build());

        assertNetPacketLayout(layout, 22, IPV6_NO_EXTENSIONS, 40, UDP, 8);
        assertEquals(layout.vlanTags(), 2);
    }

    /** Layer2HeaderLength is 7 bits: 14 + 28 * 4 = 126 still fits (29 tags do not, see the malformations). */
    @Test
    public void twentyEightTagsStillFitLayer2HeaderLength() {
        FrameBuilder builder = ipv4().udp(5000, 53);
        for (int tag = 0; tag < 28; tag++) {
            builder.vlan(0x8100, tag);
        }
        FrameLayout layout = parse(builder.build());

        assertNetPacketLayout(layout, 126, IPV4_NO_OPTIONS, 20, UDP, 8);
        assertEquals(layout.vlanTags(), 28);
    }

    @Test
    public void arpHasNoLayer3() {
        byte[] frame = ethernet().payload(arpRequest()).build();
        FrameLayout layout = parse(frame);

        assertNetPacketLayout(layout, 14, Layer3Type.UNSPECIFIED, 0, Layer4Type.UNSPECIFIED, 0);
        assertEquals(frame.length, 42);
        assertEquals(layout.ipEnd(), 42);
        assertEquals(layout.ipProtocol(), -1);
        assertEquals(layout.pseudoDestination(), -1);
    }

    // ---------------------------------------------------------------- IPv4

    @Test
    public void ipv4RouterAlertIsFourBytesOfOptions() {
        FrameLayout layout = parse(ipv4().ipv4Options(new byte[] {(byte) 0x94, 4, 0, 0}).tcp(40000, 443)
                .payload(payload(PAYLOAD)).build());

        assertNetPacketLayout(layout, 14, IPV4_WITH_OPTIONS, 24, TCP, 20);
        assertEquals(layout.ipEnd(), 14 + 24 + 20 + PAYLOAD);
    }

    @Test
    public void ipv4FortyBytesOfOptionsMakeTheLargestHeader() {
        byte[] recordRoute = new byte[40];
        recordRoute[0] = 7;
        recordRoute[1] = 39;
        recordRoute[2] = 4;
        FrameLayout layout = parse(ipv4().ipv4Options(recordRoute).udp(5000, 53).payload(payload(PAYLOAD)).build());

        assertNetPacketLayout(layout, 14, IPV4_WITH_OPTIONS, 60, UDP, 8);
        assertEquals(layout.ipEnd(), 14 + 60 + 8 + PAYLOAD);
    }

    /** A NIC pads a short frame to 60 bytes; the padding is not the datagram's and no checksum covers it. */
    @Test
    public void ipv4EthernetPaddingIsExcludedFromTheDatagram() {
        byte[] frame = padded(ipv4().udp(5000, 53).payload(payload(1)).build(), 60);
        FrameLayout layout = parse(frame);

        assertEquals(layout.ipEnd(), 14 + 20 + 8 + 1);
        assertEquals(layout.payloadLength(), 1);
    }

    @Test
    public void ipv4DontFragmentAloneIsNotAFragment() {
        FrameLayout layout = parse(ipv4().fragment(true, false, 0).tcp(40000, 443).build());

        assertNetPacketLayout(layout, 14, IPV4_NO_OPTIONS, 20, TCP, 20);
    }

    @Test
    public void ipv4FirstFragmentIsAFragment() {
        FrameLayout layout = parse(ipv4().fragment(false, true, 0).tcp(40000, 443).payload(payload(64)).build());

        assertNetPacketLayout(layout, 14, IPV4_NO_OPTIONS, 20, IP_FRAGMENT, 0);
        assertEquals(layout.ipProtocol(), 6);
        assertEquals(layout.ipEnd(), 14 + 20 + 20 + 64);
    }

    @Test
    public void ipv4LastFragmentIsAFragment() {
        FrameLayout layout = parse(ipv4().fragment(false, false, 185).protocol(17).payload(payload(37)).build());

        assertNetPacketLayout(layout, 14, IPV4_NO_OPTIONS, 20, IP_FRAGMENT, 0);
        assertEquals(layout.ipProtocol(), 17);
        assertEquals(layout.ipEnd(), 14 + 20 + 37);
    }

    @Test
    public void icmpIsNotAFragment() {
        FrameLayout layout = parse(ipv4().protocol(1).payload(payload(40)).build());

        assertNetPacketLayout(layout, 14, IPV4_NO_OPTIONS, 20, IP_NOT_FRAGMENT, 0);
        assertEquals(layout.ipProtocol(), 1);
        assertEquals(layout.ipEnd(), 14 + 20 + 40);
    }

    // ---------------------------------------------------------------- IPv6

    @Test
    public void ipv6WithoutExtensionHeaders() {
        FrameLayout layout = parse(ipv6().udp(5000, 53).payload(payload(PAYLOAD)).build());

        assertNetPacketLayout(layout, 14, IPV6_NO_EXTENSIONS, 40, UDP, 8);
        assertEquals(layout.ipProtocol(), 17);
        assertEquals(layout.ipEnd(), 14 + 40 + 8 + PAYLOAD);
        assertEquals(layout.pseudoDestination(), 14 + 24);
    }

    @Test
    public void ipv6EthernetPaddingIsExcludedFromTheDatagram() {
        byte[] frame = padded(ipv6().protocol(59).build(), 60); // No Next Header: 54 bytes
        FrameLayout layout = parse(frame);

        assertNetPacketLayout(layout, 14, IPV6_NO_EXTENSIONS, 40, IP_NOT_FRAGMENT, 0);
        assertEquals(layout.ipEnd(), 14 + 40);
    }

    @Test
    public void hopByHopOptionsAreLayer3() {
        FrameLayout layout = parse(ipv6().extension(Ipv6Extension.hopByHop(8)).tcp(40000, 443).payload(payload(PAYLOAD)).build());

        assertNetPacketLayout(layout, 14, IPV6_WITH_EXTENSIONS, 48, TCP, 20);
        assertEquals(layout.ipProtocol(), 6);
        assertEquals(layout.ipEnd(), 14 + 48 + 20 + PAYLOAD);
    }

    @Test
    public void destinationOptionsAreLayer3() {
        FrameLayout layout = parse(ipv6().extension(Ipv6Extension.destinationOptions(16)).udp(5000, 53).build());

        assertNetPacketLayout(layout, 14, IPV6_WITH_EXTENSIONS, 56, UDP, 8);
        assertEquals(layout.ipProtocol(), 17);
    }

    /** RFC 6275 6.1: the pseudo-header of a Mobile IPv6 packet carries the home address. */
    @Test
    public void routingType2PseudoDestinationIsTheHomeAddress() {
        byte[] frame = ipv6().extension(Ipv6Extension.routingType2(HOME_ADDRESS)).tcp(40000, 443).build();
        FrameLayout layout = parse(frame);

        assertNetPacketLayout(layout, 14, IPV6_WITH_EXTENSIONS, 64, TCP, 20);
        assertEquals(layout.pseudoDestination(), 14 + 40 + 8);
        assertEquals(sixteenBytesAt(frame, layout.pseudoDestination()), HOME_ADDRESS);
    }

    /** With no segments left the packet is at its final destination: the header's own. */
    @Test
    public void routingHeaderWithNoSegmentsLeftKeepsTheHeaderDestination() {
        byte[] routing = Ipv6Extension.routingType2(HOME_ADDRESS).bytes().clone();
        routing[3] = 0;
        byte[] frame = ipv6().extension(new Ipv6Extension(Ipv6Extension.ROUTING, routing)).udp(5000, 53).build();
        FrameLayout layout = parse(frame);

        assertEquals(layout.pseudoDestination(), 14 + 24);
        assertEquals(sixteenBytesAt(frame, layout.pseudoDestination()), IPV6_B);
    }

    /** RFC 8754 4.1: Segment List[0] is the last segment, the final destination. */
    @Test
    public void segmentRoutingPseudoDestinationIsTheFirstListedSegment() {
        byte[] srh = routingHeader(4, 1, HOME_ADDRESS, IPV6_B);
        byte[] frame = ipv6().extension(new Ipv6Extension(Ipv6Extension.ROUTING, srh)).udp(5000, 53).build();
        FrameLayout layout = parse(frame);

        assertNetPacketLayout(layout, 14, IPV6_WITH_EXTENSIONS, 40 + 40, UDP, 8);
        assertEquals(sixteenBytesAt(frame, layout.pseudoDestination()), HOME_ADDRESS);
    }

    /** RFC 2460 type 0 (deprecated, still parsed) lists the final destination last. */
    @Test
    public void routingType0PseudoDestinationIsTheLastListedAddress() {
        byte[] type0 = routingHeader(0, 2, IPV6_B, HOME_ADDRESS);
        byte[] frame = ipv6().extension(new Ipv6Extension(Ipv6Extension.ROUTING, type0)).udp(5000, 53).build();
        FrameLayout layout = parse(frame);

        assertEquals(layout.pseudoDestination(), 14 + 40 + 8 + 16);
        assertEquals(sixteenBytesAt(frame, layout.pseudoDestination()), HOME_ADDRESS);
    }

    /** RFC 9293 3.1: a source-routed datagram's pseudo-header carries the final destination, listed last. */
    @Test
    public void looseSourceRoutePseudoDestinationIsTheLastListedAddress() {
        byte[] route = {(byte) 0x83, 11, 4, 10, 0, 0, 2, 10, 0, 0, 3};
        byte[] frame = ipv4().ipv4Options(route).tcp(40000, 443).build();
        FrameLayout layout = parse(frame);

        assertNetPacketLayout(layout, 14, IPV4_WITH_OPTIONS, 32, TCP, 20);
        assertEquals(layout.pseudoDestination(), 14 + 20 + 3 + 4);
        assertEquals(Arrays.copyOfRange(frame, layout.pseudoDestination(), layout.pseudoDestination() + 4), new byte[] {10, 0, 0, 3});
    }

    @Test
    public void strictSourceRouteAfterOtherOptions() {
        byte[] options = {1, (byte) 0x94, 4, 0, 0, (byte) 0x89, 7, 4, 10, 0, 0, 7};
        FrameLayout layout = parse(ipv4().ipv4Options(options).udp(5000, 53).build());

        assertEquals(layout.pseudoDestination(), 14 + 20 + 8);
    }

    /** Once the pointer passes the route, the datagram is where it was going: the header's own destination. */
    @Test
    public void aCompletedSourceRouteKeepsTheHeaderDestination() {
        byte[] done = {(byte) 0x83, 11, 12, 10, 0, 0, 2, 10, 0, 0, 3};
        assertEquals(parse(ipv4().ipv4Options(done).tcp(40000, 443).build()).pseudoDestination(), 14 + 16);
    }

    @Test
    public void anOptionThatRunsOffTheHeaderLeavesTheHeaderDestination() {
        byte[] broken = {(byte) 0x83, 40, 4, 10, 0, 0, 2, 10, 0, 0, 3};
        assertEquals(parse(ipv4().ipv4Options(broken).tcp(40000, 443).build()).pseudoDestination(), 14 + 16);
    }

    /** AH counts its length in 4-byte words less 2, unlike every other extension header. */
    @Test
    public void authenticationHeaderLengthCountsFourByteWords() {
        byte[] ah = new byte[24];
        ah[1] = 4; // (4 + 2) * 4 = 24 bytes: 12 fixed, 12 of ICV
        FrameLayout layout = parse(ipv6().extension(new Ipv6Extension(51, ah)).tcp(40000, 443).build());

        assertNetPacketLayout(layout, 14, IPV6_WITH_EXTENSIONS, 64, TCP, 20);
    }

    /** RFC 6946: offset 0 and M clear is an atomic fragment, a whole datagram. */
    @Test
    public void atomicFragmentIsNotAFragment() {
        FrameLayout layout = parse(ipv6().extension(Ipv6Extension.fragment(0, false, 7)).tcp(40000, 443)
                .payload(payload(PAYLOAD)).build());

        assertNetPacketLayout(layout, 14, IPV6_WITH_EXTENSIONS, 48, TCP, 20);
        assertEquals(layout.ipEnd(), 14 + 48 + 20 + PAYLOAD);
    }

    @Test
    public void ipv6FirstFragmentIsAFragment() {
        FrameLayout layout = parse(ipv6().extension(Ipv6Extension.fragment(0, true, 7)).udp(5000, 53).payload(payload(48)).build());

        assertNetPacketLayout(layout, 14, IPV6_WITH_EXTENSIONS, 48, IP_FRAGMENT, 0);
        assertEquals(layout.ipProtocol(), 17);
    }

    @Test
    public void ipv6LastFragmentIsAFragment() {
        FrameLayout layout = parse(ipv6().extension(Ipv6Extension.fragment(185, false, 7)).protocol(17).payload(payload(37)).build());

        assertNetPacketLayout(layout, 14, IPV6_WITH_EXTENSIONS, 48, IP_FRAGMENT, 0);
        assertEquals(layout.ipProtocol(), 17);
        assertEquals(layout.ipEnd(), 14 + 48 + 37);
    }

    @Test
    public void extensionHeaderChainIsLayer3AndTheRoutingHeaderStillNamesTheDestination() {
        byte[] frame = ipv6().vlan(0x8100, 100)
                .extension(Ipv6Extension.hopByHop(8))
                .extension(Ipv6Extension.destinationOptions(24))
                .extension(Ipv6Extension.routingType2(HOME_ADDRESS))
                .tcp(40000, 443).payload(payload(PAYLOAD)).build();
        FrameLayout layout = parse(frame);

        assertNetPacketLayout(layout, 18, IPV6_WITH_EXTENSIONS, 40 + 8 + 24 + 24, TCP, 20);
        assertEquals(layout.ipProtocol(), 6);
        assertEquals(layout.pseudoDestination(), 18 + 40 + 8 + 24 + 8);
        assertEquals(sixteenBytesAt(frame, layout.pseudoDestination()), HOME_ADDRESS);
    }

    /** Layer3HeaderLength is 9 bits: 40 + 464 = 504 fits (512 does not, see the malformations). */
    @Test
    public void extensionHeadersUpTo504BytesFitLayer3HeaderLength() {
        FrameLayout layout = parse(ipv6().extension(Ipv6Extension.destinationOptions(464)).udp(5000, 53).build());

        assertNetPacketLayout(layout, 14, IPV6_WITH_EXTENSIONS, 504, UDP, 8);
    }

    @Test
    public void icmpv6IsNotAFragment() {
        FrameLayout layout = parse(ipv6().protocol(58).payload(payload(40)).build());

        assertNetPacketLayout(layout, 14, IPV6_NO_EXTENSIONS, 40, IP_NOT_FRAGMENT, 0);
        assertEquals(layout.ipProtocol(), 58);
    }

    // ---------------------------------------------------------------- TCP

    @Test
    public void tcpTimestampsAreTwelveBytesOfOptions() {
        byte[] timestamps = {1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2};
        FrameLayout layout = parse(ipv6().tcp(40000, 443).tcpOptions(timestamps).payload(payload(PAYLOAD)).build());

        assertNetPacketLayout(layout, 14, IPV6_NO_EXTENSIONS, 40, TCP, 32);
        assertEquals(layout.payloadOffset(), 14 + 40 + 32);
    }

    @Test
    public void tcpFortyBytesOfOptionsMakeTheLargestHeader() {
        byte[] options = new byte[40];
        Arrays.fill(options, (byte) 1); // NOP
        FrameLayout layout = parse(ipv4().tcp(40000, 443).tcpOptions(options).build());

        assertNetPacketLayout(layout, 14, IPV4_NO_OPTIONS, 20, TCP, 60);
        assertEquals(layout.ipEnd(), 14 + 20 + 60);
    }

    // ---------------------------------------------------------------- building blocks

    /** An ARP request body (RFC 826), IPv4 over Ethernet. */
    private static byte[] arpRequest() {
        byte[] b = new byte[28];
        Bytes.put16(b, 0, 1);
        Bytes.put16(b, 2, 0x0800);
        b[4] = 6;
        b[5] = 4;
        Bytes.put16(b, 6, 1);
        System.arraycopy(Frames.MAC_A, 0, b, 8, 6);
        System.arraycopy(Frames.IPV4_A, 0, b, 14, 4);
        System.arraycopy(IPV4_B, 0, b, 24, 4);
        return b;
    }

    /** A routing header of {@code type} listing {@code addresses} after its 8 fixed bytes. */
    private static byte[] routingHeader(int type, int segmentsLeft, byte[]... addresses) {
        byte[] b = new byte[8 + 16 * addresses.length];
        b[1] = (byte) (2 * addresses.length);
        b[2] = (byte) type;
        b[3] = (byte) segmentsLeft;
        if (type == 4) {
            b[4] = (byte) (addresses.length - 1); // Last Entry
        }
        for (int i = 0; i < addresses.length; i++) {
            System.arraycopy(addresses[i], 0, b, 8 + 16 * i, 16);
        }
        return b;
    }
}
