package org.offloadkit.testing;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpPacket;
import org.pcap4j.packet.IpV4LooseSourceRouteOption;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4StrictSourceRouteOption;
import org.pcap4j.packet.IpV6ExtDestinationOptionsPacket;
import org.pcap4j.packet.IpV6ExtFragmentPacket;
import org.pcap4j.packet.IpV6ExtHopByHopOptionsPacket;
import org.pcap4j.packet.IpV6ExtRoutingPacket;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;

/**
 * Pcap4J's own checksum verification, put in tshark's words so that the two oracles read alike. It decodes
 * less than tshark does; {@link BlindSpot} says where, and why.
 */
public final class Pcap4jChecksums {
    private static final short ETHERTYPE_802_1AD = (short) 0x88A8;

    private Pcap4jChecksums() {}

    /** Where Pcap4J (1.8.2) cannot judge a frame's checksums. */
    public enum BlindSpot {
        OUTER_802_1AD_TAG("Pcap4J does not decode an 802.1ad (0x88A8) tag, so it never reaches IP", "qinq"),
        // "chain" is hop-by-hop and destination options followed by the same type 2 routing header
        ROUTING_HEADER("Pcap4J takes the pseudo-header addresses from its caller and leaves a type 2 routing header's"
                + " address as raw bytes, so its check uses the IPv6 header's destination, not the final one"
                + " RFC 8200 8.1 asks for", "rh2", "chain"),
        SOURCE_ROUTE("Pcap4J takes the pseudo-header addresses from the IPv4 header, not from a loose or strict"
                + " source route's final address as RFC 9293 3.1 asks", "lsrr", "ssrr"),
        ATOMIC_FRAGMENT("Pcap4J leaves what follows an IPv6 Fragment header undecoded, even in an atomic fragment,"
                + " which carries a whole datagram", "frag"),
        LONG_IPV6_OPTION("Pcap4J reads an IPv6 option's data length as a signed byte (UnknownIpV6Option), so an option"
                + " longer than 127 bytes makes it give up on the header", "dstopts200");

        public final String reason;
        private final List<String> corpusShapes;

        BlindSpot(String reason, String... corpusShapes) {
            this.reason = reason;
            this.corpusShapes = List.of(corpusShapes);
        }

        /**
         * The blind spot a corpus vector was built with, by the shape names in its name. Decoding meets the
         * link before the network layer, so the first shape named is the one Pcap4J trips on.
         */
        public static Optional<BlindSpot> ofCorpusVector(String name) {
            return Arrays.stream(name.split("-"))
                    .flatMap(shape -> Arrays.stream(values()).filter(spot -> spot.corpusShapes.contains(shape)))
                    .findFirst();
        }

        @Override
        public String toString() {
            return name() + " (" + reason + ")";
        }
    }

    /** The blind spot Pcap4J's decoding of the frame runs into, if any. */
    public static Optional<BlindSpot> blindSpot(byte[] frame) {
        Packet packet = decode(frame);
        if (packet.getPayload() instanceof UnknownPacket
                && ((EthernetPacket) packet).getHeader().getType().value() == ETHERTYPE_802_1AD) {
            return Optional.of(BlindSpot.OUTER_802_1AD_TAG);
        }
        if (packet.contains(IpV6ExtRoutingPacket.class)) {
            return Optional.of(BlindSpot.ROUTING_HEADER);
        }
        IpV4Packet ipv4 = packet.get(IpV4Packet.class);
        if (ipv4 != null && ipv4.getHeader().getOptions().stream()
                .anyMatch(o -> o instanceof IpV4LooseSourceRouteOption || o instanceof IpV4StrictSourceRouteOption)) {
            return Optional.of(BlindSpot.SOURCE_ROUTE);
        }
        IpV6ExtFragmentPacket fragment = packet.get(IpV6ExtFragmentPacket.class);
        if (fragment != null && fragment.getHeader().getFragmentOffset() == 0 && !fragment.getHeader().getM()) {
            return Optional.of(BlindSpot.ATOMIC_FRAGMENT);
        }
        if (packet.contains(IllegalPacket.class)
                && (packet.contains(IpV6ExtHopByHopOptionsPacket.class) || packet.contains(IpV6ExtDestinationOptionsPacket.class))) {
            return Optional.of(BlindSpot.LONG_IPV6_OPTION);
        }
        return Optional.empty();
    }

    /** Pcap4J's verdict on each checksum of an Ethernet frame. */
    public static OracleVerdict verify(byte[] frame) {
        Packet packet = decode(frame);
        IpV4Packet ipv4 = packet.get(IpV4Packet.class);
        TcpPacket tcp = packet.get(TcpPacket.class);
        UdpPacket udp = packet.get(UdpPacket.class);
        return new OracleVerdict(
                ipv4 == null ? ChecksumStatus.NO_HEADER : status(ipv4.getHeader().hasValidChecksum(false)),
                tcp == null ? ChecksumStatus.NO_HEADER : status(tcp.hasValidChecksum(source(packet), destination(packet), false)),
                udp == null ? ChecksumStatus.NO_HEADER : udpStatus(udp, packet));
    }

    private static ChecksumStatus udpStatus(UdpPacket udp, Packet packet) {
        if (udp.hasValidChecksum(source(packet), destination(packet), false)) {
            return ChecksumStatus.GOOD;
        }
        if (udp.hasValidChecksum(source(packet), destination(packet), true)) {
            // Pcap4J accepts it only as "none sent", a 0, which RFC 8200 8.1 forbids over IPv6
            return packet.contains(IpV4Packet.class) ? ChecksumStatus.NOT_PRESENT : ChecksumStatus.ILLEGAL;
        }
        return ChecksumStatus.BAD;
    }

    private static InetAddress source(Packet packet) {
        return packet.get(IpPacket.class).getHeader().getSrcAddr();
    }

    private static InetAddress destination(Packet packet) {
        return packet.get(IpPacket.class).getHeader().getDstAddr();
    }

    private static ChecksumStatus status(boolean valid) {
        return valid ? ChecksumStatus.GOOD : ChecksumStatus.BAD;
    }

    private static Packet decode(byte[] frame) {
        try {
            return EthernetPacket.newPacket(frame, 0, frame.length);
        } catch (IllegalRawDataException e) {
            throw new IllegalArgumentException("Pcap4J cannot decode the frame as Ethernet: " + e.getMessage(), e);
        }
    }
}
