package org.offloadkit.corpus;

import static org.offloadkit.spec.TxChecksumAction.PASSTHROUGH;
import static org.offloadkit.spec.TxChecksumAction.REQUIRED;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.packet.Ipv6Extension;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;

/**
 * The checksum corpus, as a table of named cases. Every shape the frame layout knows (untagged, 802.1Q
 * and QinQ; IPv4 with and without options; IPv6 with and without extension headers; TCP with and without
 * options; UDP) meets every request the stack can make, plus the cases one idea each: header offsets on
 * both sides of 127 and 255, UDP sums that come out 0, layouts declared with the IP version only, and
 * raw-socket traffic whose Passthrough layers carry wrong checksums on purpose. On the receive side, the
 * same shapes arrive intact and corrupted.
 *
 * <p>Everything random comes from one seed, so a seed gives the same bytes on every machine.
 */
public final class ChecksumCorpusGenerator {

    public static final long DEFAULT_SEED = 0x0FF10AD5EEDL;

    private static final int[] PAYLOAD_SIZES = {0, 1, 2, 5, 46, 64, 333, 512, 999, 1024};

    private record Shape(String name, Consumer<FrameBuilder> apply) {}

    private final CorpusRandom random;
    private final byte[] macA;
    private final byte[] macB;
    private final byte[] ipv4A;
    private final byte[] ipv4B;
    private final byte[] ipv6A;
    private final byte[] ipv6B;
    private final byte[] homeAddress;
    private final List<Shape> links;
    private final List<Shape> ipv4Networks;
    private final List<Shape> ipv6Networks;
    private final List<Shape> sourceRoutes;
    private final List<Shape> transports;
    private final List<TxChecksumVector> tx = new ArrayList<>();
    private final List<RxChecksumVector> rx = new ArrayList<>();

    private ChecksumCorpusGenerator(long seed) {
        random = new CorpusRandom(seed);
        macA = random.mac();
        macB = random.mac();
        ipv4A = random.privateIpv4();
        ipv4B = random.documentationIpv4();
        ipv6A = random.documentationIpv6();
        ipv6B = random.documentationIpv6();
        homeAddress = random.documentationIpv6();
        links = List.of(
                new Shape("eth", b -> {}),
                new Shape("vlan", b -> b.vlan(0x8100, 100)),
                new Shape("qinq", b -> b.vlan(0x88A8, 10).vlan(0x8100, 20)));
        ipv4Networks = List.of(
                new Shape("ipv4", b -> b.ipv4(ipv4A, ipv4B).ipId(random.nextInt(65536))),
                new Shape("ipv4-ra", b -> b.ipv4(ipv4A, ipv4B).ipId(random.nextInt(65536))
                        .ipv4Options(new byte[] {(byte) 0x94, 4, 0, 0})),
                new Shape("ipv4-rr", b -> b.ipv4(ipv4A, ipv4B).ipId(random.nextInt(65536))
                        .ipv4Options(CorpusRandom.recordRoute())));
        sourceRoutes = List.of(
                new Shape("ipv4-lsrr", b -> b.ipv4(ipv4A, ipv4B).ipId(random.nextInt(65536)).ipv4Options(sourceRoute(0x83))),
                new Shape("ipv4-ssrr", b -> b.ipv4(ipv4A, ipv4B).ipId(random.nextInt(65536)).ipv4Options(sourceRoute(0x89))));
        ipv6Networks = List.of(
                new Shape("ipv6", b -> b.ipv6(ipv6A, ipv6B).flowLabel(random.nextInt(1 << 20))),
                new Shape("ipv6-hbh", b -> b.ipv6(ipv6A, ipv6B).extension(Ipv6Extension.hopByHop(8))),
                new Shape("ipv6-dstopts", b -> b.ipv6(ipv6A, ipv6B).extension(Ipv6Extension.destinationOptions(16))),
                new Shape("ipv6-rh2", b -> b.ipv6(ipv6A, ipv6B).extension(Ipv6Extension.routingType2(homeAddress))),
                new Shape("ipv6-frag", b -> b.ipv6(ipv6A, ipv6B).extension(Ipv6Extension.fragment(0, false, random.nextInt()))),
                new Shape("ipv6-chain", b -> b.ipv6(ipv6A, ipv6B).extension(Ipv6Extension.hopByHop(8))
                        .extension(Ipv6Extension.destinationOptions(24)).extension(Ipv6Extension.routingType2(homeAddress))));
        transports = List.of(
                new Shape("tcp", b -> random.tcp(b)),
                new Shape("tcp-ts", b -> random.tcp(b).tcpOptions(random.timestamps())),
                new Shape("udp", b -> b.udp(1024 + random.nextInt(60000), 1024 + random.nextInt(60000))));
    }

    public static ChecksumCorpus generate(long seed) {
        ChecksumCorpusGenerator g = new ChecksumCorpusGenerator(seed);
        g.transmitCases();
        g.receiveCases();
        return new ChecksumCorpus(seed, g.tx, g.rx);
    }

    // ---------------------------------------------------------------- transmit

    private void transmitCases() {
        TxChecksum[] ipv4Requests = {request(REQUIRED, REQUIRED), request(REQUIRED, PASSTHROUGH),
                request(PASSTHROUGH, REQUIRED), request(PASSTHROUGH, PASSTHROUGH)};
        TxChecksum[] ipv6Requests = {request(PASSTHROUGH, REQUIRED), request(PASSTHROUGH, PASSTHROUGH)};
        for (Shape link : links) {
            for (Shape network : ipv4Networks) {
                for (Shape transport : transports) {
                    for (TxChecksum request : ipv4Requests) {
                        addTx(name(link, network, transport), frame(link, network, transport, randomPayload()), request, false, Set.of());
                    }
                }
            }
            for (Shape network : ipv6Networks) {
                for (Shape transport : transports) {
                    for (TxChecksum request : ipv6Requests) {
                        addTx(name(link, network, transport), frame(link, network, transport, randomPayload()), request, false, Set.of());
                    }
                }
            }
        }
        headerOffsets();
        udpSumsOfZero();
        unspecifiedLayer3();
        rawSocketPassthrough();
        sourceRouted();
    }

    /** RFC 9293 3.1: the pseudo-header of a source-routed datagram carries the route's final address. */
    private void sourceRouted() {
        addTx(name(links.get(0), sourceRoutes.get(0), transports.get(0)),
                frame(links.get(0), sourceRoutes.get(0), transports.get(0), randomPayload()), request(REQUIRED, REQUIRED), false, Set.of());
        addTx(name(links.get(1), sourceRoutes.get(0), transports.get(2)),
                frame(links.get(1), sourceRoutes.get(0), transports.get(2), randomPayload()), request(PASSTHROUGH, REQUIRED), false, Set.of());
        addTx(name(links.get(0), sourceRoutes.get(1), transports.get(1)),
                frame(links.get(0), sourceRoutes.get(1), transports.get(1), randomPayload()), request(REQUIRED, REQUIRED), false, Set.of());
    }

    /** Layer 4 offsets 126/130 (beside a 127 limit) and 254/258/262 (beside 255 and 256). */
    private void headerOffsets() {
        int[][] cases = {{0, 72}, {1, 72}, {0, 200}, {1, 200}, {2, 200}}; // link index, destination options bytes
        for (int[] c : cases) {
            Shape link = links.get(c[0]);
            int destinationOptions = c[1];
            for (Shape transport : List.of(transports.get(0), transports.get(2))) {
                byte[] frame = frame(link, opts(destinationOptions), transport, randomPayload());
                int offset = FrameParser.parse(frame).layout().layer4Offset();
                addTx(link.name() + "-ipv6-dstopts" + destinationOptions + "-" + transport.name() + "-l4offset" + offset,
                        frame, request(PASSTHROUGH, REQUIRED), false, Set.of("l4offset-" + offset));
            }
        }
    }

    private Shape opts(int bytes) {
        return new Shape("ipv6-dstopts" + bytes, b -> b.ipv6(ipv6A, ipv6B).extension(Ipv6Extension.destinationOptions(bytes)));
    }

    private void udpSumsOfZero() {
        Shape udp = transports.get(2);
        for (Shape link : List.of(links.get(0), links.get(1))) {
            for (Shape network : List.of(ipv4Networks.get(0), ipv6Networks.get(0), ipv6Networks.get(1))) {
                byte[] frame = zeroSumUdp(frame(link, network, udp, evenPayload()));
                TxChecksum request = request(network.name().startsWith("ipv4") ? REQUIRED : PASSTHROUGH, REQUIRED);
                addTx(name(link, network, udp) + "-sum-zero", frame, request, false, Set.of(TxChecksumVector.UDP_SUM_ZERO));
            }
        }
    }

    /** The stack may declare only the IP version: no fallback decision may rest on the rest (CSUM-TX-05). */
    private void unspecifiedLayer3() {
        Shape eth = links.get(0);
        Shape vlan = links.get(1);
        Shape qinq = links.get(2);
        addUnspecified(eth, ipv4Networks.get(0), transports.get(0), request(REQUIRED, REQUIRED));
        addUnspecified(eth, ipv4Networks.get(1), transports.get(1), request(REQUIRED, REQUIRED));
        addUnspecified(vlan, ipv4Networks.get(2), transports.get(2), request(REQUIRED, REQUIRED));
        addUnspecified(eth, ipv4Networks.get(2), transports.get(0), request(REQUIRED, PASSTHROUGH));
        addUnspecified(eth, ipv6Networks.get(0), transports.get(0), request(PASSTHROUGH, REQUIRED));
        addUnspecified(qinq, ipv6Networks.get(5), transports.get(1), request(PASSTHROUGH, REQUIRED));
        addUnspecified(eth, ipv6Networks.get(2), transports.get(2), request(PASSTHROUGH, REQUIRED));
        addUnspecified(vlan, opts(200), transports.get(0), request(PASSTHROUGH, REQUIRED));
        addUnspecified(qinq, opts(200), transports.get(2), request(PASSTHROUGH, REQUIRED));
    }

    private void addUnspecified(Shape link, Shape network, Shape transport, TxChecksum request) {
        addTx(name(link, network, transport) + "-declared-ip-version-only", frame(link, network, transport, randomPayload()),
                request, true, Set.of(TxChecksumVector.UNSPECIFIED_LAYER3));
    }

    /** Test traffic from raw sockets carries wrong checksums on purpose; Passthrough must keep them. */
    private void rawSocketPassthrough() {
        Shape eth = links.get(0);
        for (Shape network : List.of(ipv4Networks.get(0), ipv4Networks.get(1))) {
            for (Shape transport : List.of(transports.get(0), transports.get(2))) {
                addBad(eth, network, transport, request(PASSTHROUGH, PASSTHROUGH), true, true);
                addBad(eth, network, transport, request(REQUIRED, PASSTHROUGH), false, true);
                addBad(eth, network, transport, request(PASSTHROUGH, REQUIRED), true, false);
            }
        }
        for (Shape network : List.of(ipv6Networks.get(0), ipv6Networks.get(5))) {
            addBad(links.get(1), network, transports.get(1), request(PASSTHROUGH, PASSTHROUGH), false, true);
        }
    }

    private void addBad(Shape link, Shape network, Shape transport, TxChecksum request, boolean badLayer3, boolean badLayer4) {
        byte[] frame = frame(link, network, transport, randomPayload());
        FrameLayout layout = FrameParser.parse(frame).layout();
        List<String> tags = new ArrayList<>();
        if (badLayer3) {
            Corrupt.checksum(frame, layout.ipv4ChecksumOffset());
            tags.add(TxChecksumVector.BAD_PASSTHROUGH_LAYER3);
        }
        if (badLayer4) {
            Corrupt.checksum(frame, layout.transportChecksumOffset());
            tags.add(TxChecksumVector.BAD_PASSTHROUGH_LAYER4);
        }
        addTx(name(link, network, transport) + "-raw-socket-bad-checksum", frame, request, false, Set.copyOf(tags));
    }

    /** Turns a correct frame into what the stack hands over for {@code request} and records the case. */
    private void addTx(String name, byte[] wire, TxChecksum request, boolean unspecified, Set<String> tags) {
        byte[] frame = wire.clone();
        FrameLayout layout = FrameParser.parse(frame).layout();
        if (request.layer3() == REQUIRED) {
            Bytes.put16(frame, layout.ipv4ChecksumOffset(), 0); // the NIC ignores it (spec 1.3)
        }
        if (request.layer4() == REQUIRED) {
            Bytes.put16(frame, layout.transportChecksumOffset(), TxChecksumEngine.seed(frame, layout));
        }
        FrameLayout declared = unspecified ? layout.withLayer3Type(layout.layer3Type().unspecifiedVariant()) : layout;
        int packet = tx.size() + 1;
        tx.add(new TxChecksumVector(String.format("tx-%03d", packet), name, packet, frame, declared, request, tags));
    }

    // ---------------------------------------------------------------- receive

    private void receiveCases() {
        for (Shape link : links) {
            for (Shape network : concat(ipv4Networks, ipv6Networks)) {
                for (Shape transport : transports) {
                    byte[] frame = frame(link, network, transport, randomPayload());
                    addRx(name(link, network, transport), frame, intact(frame), Set.of());
                }
            }
        }
        Shape eth = links.get(0);
        for (Shape network : ipv4Networks) {
            for (Shape transport : List.of(transports.get(0), transports.get(2))) {
                byte[] frame = frame(eth, network, transport, randomPayload());
                Corrupt.checksum(frame, FrameParser.parse(frame).layout().ipv4ChecksumOffset());
                addRx(name(eth, network, transport) + "-bad-ip-checksum", frame,
                        new RxChecksum(RxChecksumEvaluation.INVALID, RxChecksumEvaluation.VALID), Set.of());
            }
        }
        for (Shape network : concat(ipv4Networks, ipv6Networks)) {
            for (Shape transport : List.of(transports.get(1), transports.get(2))) {
                byte[] frame = frame(eth, network, transport, nonEmptyPayload());
                Corrupt.checksum(frame, FrameParser.parse(frame).layout().transportChecksumOffset());
                addRx(name(eth, network, transport) + "-bad-l4-checksum", frame, badLayer4(frame), Set.of());
            }
        }
        for (Shape network : List.of(ipv4Networks.get(0), ipv6Networks.get(0), ipv6Networks.get(3))) {
            for (Shape transport : List.of(transports.get(0), transports.get(2))) {
                byte[] frame = frame(links.get(1), network, transport, nonEmptyPayload());
                FrameLayout layout = FrameParser.parse(frame).layout();
                frame[layout.ipEnd() - 1] ^= 0x01; // a bit flipped in transit; the checksum field is intact
                addRx(name(links.get(1), network, transport) + "-payload-bit-flip", frame, badLayer4(frame), Set.of());
            }
        }
        byte[] bothBad = frame(eth, ipv4Networks.get(0), transports.get(0), nonEmptyPayload());
        FrameLayout bothLayout = FrameParser.parse(bothBad).layout();
        Corrupt.checksum(bothBad, bothLayout.ipv4ChecksumOffset());
        Corrupt.checksum(bothBad, bothLayout.transportChecksumOffset());
        addRx("eth-ipv4-tcp-bad-ip-and-tcp-checksums", bothBad,
                new RxChecksum(RxChecksumEvaluation.INVALID, RxChecksumEvaluation.INVALID), Set.of());
        udpChecksumEdges();
        routingHeaderDestination();
        notChecked();
        for (Shape route : sourceRoutes) {
            for (Shape transport : List.of(transports.get(0), transports.get(2))) {
                byte[] frame = frame(links.get(0), route, transport, nonEmptyPayload());
                addRx(name(links.get(0), route, transport), frame, intact(frame), Set.of());
            }
        }
        byte[] firstHop = frame(links.get(0), sourceRoutes.get(0), transports.get(0), nonEmptyPayload());
        FrameLayout layout = FrameParser.parse(firstHop).layout();
        checksumOverHeaderDestination(firstHop, layout);
        addRx(name(links.get(0), sourceRoutes.get(0), transports.get(0)) + "-checksum-over-first-hop-destination", firstHop,
                new RxChecksum(RxChecksumEvaluation.VALID, RxChecksumEvaluation.INVALID), Set.of());
    }

    /** A sender that forgot the route: the transport checksum over the IP header's own destination. */
    private static void checksumOverHeaderDestination(byte[] frame, FrameLayout layout) {
        int headerDestination = layout.isIPv4() ? layout.layer3Offset() + 16 : layout.layer3Offset() + 24;
        FrameLayout firstHop = new FrameLayout(layout.layer2Type(), layout.layer2Length(), layout.layer3Type(),
                layout.layer3Length(), layout.layer4Type(), layout.layer4Length(), layout.vlanTags(),
                layout.ipProtocol(), layout.ipEnd(), headerDestination);
        Bytes.put16(frame, layout.transportChecksumOffset(), 0);
        int checksum = FrameChecksums.transportChecksum(frame, firstHop);
        Bytes.put16(frame, layout.transportChecksumOffset(), checksum == 0 && layout.isUdp() ? 0xFFFF : checksum);
    }

    private void udpChecksumEdges() {
        Shape udp = transports.get(2);
        for (Shape link : List.of(links.get(0), links.get(1))) {
            byte[] none = frame(link, ipv4Networks.get(0), udp, randomPayload());
            Bytes.put16(none, FrameParser.parse(none).layout().transportChecksumOffset(), 0);
            addRx(name(link, ipv4Networks.get(0), udp) + "-no-checksum", none, intact(none),
                    Set.of(RxChecksumVector.UDP_ZERO_CHECKSUM_IPV4));
            byte[] forbidden = frame(link, ipv6Networks.get(0), udp, randomPayload());
            Bytes.put16(forbidden, FrameParser.parse(forbidden).layout().transportChecksumOffset(), 0);
            addRx(name(link, ipv6Networks.get(0), udp) + "-zero-checksum-forbidden", forbidden,
                    new RxChecksum(RxChecksumEvaluation.NOT_CHECKED, RxChecksumEvaluation.INVALID), Set.of());
        }
        for (Shape network : List.of(ipv4Networks.get(0), ipv6Networks.get(0))) {
            byte[] ffff = zeroSumUdp(frame(links.get(0), network, udp, evenPayload()));
            addRx(name(links.get(0), network, udp) + "-sum-zero-sent-as-ffff", ffff, intact(ffff), Set.of());
        }
    }

    /** RFC 8200 8.1: with a routing header, the pseudo-header carries the final destination. */
    private void routingHeaderDestination() {
        for (Shape transport : List.of(transports.get(0), transports.get(2))) {
            byte[] frame = frame(links.get(0), ipv6Networks.get(3), transport, nonEmptyPayload());
            checksumOverHeaderDestination(frame, FrameParser.parse(frame).layout());
            addRx(name(links.get(0), ipv6Networks.get(3), transport) + "-checksum-over-first-hop-destination", frame,
                    new RxChecksum(RxChecksumEvaluation.NOT_CHECKED, RxChecksumEvaluation.INVALID), Set.of());
        }
    }

    /** Fragments, other protocols and non-IP: nothing for layer 4 to check. */
    private void notChecked() {
        Shape eth = links.get(0);
        byte[] first = base(eth).ipv4(ipv4A, ipv4B).ipId(random.nextInt(65536)).fragment(false, true, 0)
                .tcp(40000, 80).payload(evenPayload()).build();
        addRx("eth-ipv4-first-fragment-tcp", first, new RxChecksum(RxChecksumEvaluation.VALID, RxChecksumEvaluation.NOT_CHECKED), Set.of());
        byte[] middle = base(eth).ipv4(ipv4A, ipv4B).ipId(random.nextInt(65536)).fragment(false, true, 185)
                .protocol(FrameLayout.PROTOCOL_TCP).payload(random.bytes(64)).build();
        addRx("eth-ipv4-middle-fragment", middle, new RxChecksum(RxChecksumEvaluation.VALID, RxChecksumEvaluation.NOT_CHECKED), Set.of());
        byte[] last = base(eth).ipv4(ipv4A, ipv4B).ipId(random.nextInt(65536)).fragment(false, false, 370)
                .protocol(FrameLayout.PROTOCOL_UDP).payload(random.bytes(37)).build();
        addRx("eth-ipv4-last-fragment", last, new RxChecksum(RxChecksumEvaluation.VALID, RxChecksumEvaluation.NOT_CHECKED), Set.of());
        byte[] v6 = base(eth).ipv6(ipv6A, ipv6B).extension(Ipv6Extension.fragment(0, true, random.nextInt()))
                .udp(5000, 5001).payload(random.bytes(48)).build();
        addRx("eth-ipv6-first-fragment-udp", v6, RxChecksum.NOT_CHECKED, Set.of());
        byte[] icmp = icmpEcho(base(links.get(1)).ipv4(ipv4A, ipv4B).protocol(1));
        addRx("vlan-ipv4-icmp-echo", icmp, new RxChecksum(RxChecksumEvaluation.VALID, RxChecksumEvaluation.NOT_CHECKED), Set.of());
        byte[] icmpBadIp = icmpEcho(base(eth).ipv4(ipv4A, ipv4B).protocol(1));
        Corrupt.checksum(icmpBadIp, FrameParser.parse(icmpBadIp).layout().ipv4ChecksumOffset());
        addRx("eth-ipv4-icmp-echo-bad-ip-checksum", icmpBadIp,
                new RxChecksum(RxChecksumEvaluation.INVALID, RxChecksumEvaluation.NOT_CHECKED), Set.of());
        byte[] icmp6 = icmpEcho(base(eth).ipv6(ipv6A, ipv6B).protocol(58));
        addRx("eth-ipv6-icmpv6-echo", icmp6, RxChecksum.NOT_CHECKED, Set.of());
        addRx("eth-arp-request", arp(), RxChecksum.NOT_CHECKED, Set.of());
    }

    private void addRx(String name, byte[] frame, RxChecksum intended, Set<String> tags) {
        int packet = rx.size() + 1;
        rx.add(new RxChecksumVector(String.format("rx-%03d", packet), name, packet, frame, intended, tags));
    }

    private static RxChecksum intact(byte[] frame) {
        FrameLayout layout = FrameParser.parse(frame).layout();
        return new RxChecksum(layout.isIPv4() ? RxChecksumEvaluation.VALID : RxChecksumEvaluation.NOT_CHECKED,
                layout.isTcp() || layout.isUdp() ? RxChecksumEvaluation.VALID : RxChecksumEvaluation.NOT_CHECKED);
    }

    private static RxChecksum badLayer4(byte[] frame) {
        return new RxChecksum(intact(frame).layer3(), RxChecksumEvaluation.INVALID);
    }

    // ---------------------------------------------------------------- building blocks

    private FrameBuilder base(Shape link) {
        FrameBuilder b = FrameBuilder.ethernet(macB, macA);
        link.apply().accept(b);
        return b;
    }

    private byte[] frame(Shape link, Shape network, Shape transport, byte[] payload) {
        FrameBuilder b = base(link);
        network.apply().accept(b);
        transport.apply().accept(b);
        return b.payload(payload).build();
    }

    /** A loose (0x83) or strict (0x89) source route with two hops to go; the last is the final destination. */
    private byte[] sourceRoute(int type) {
        byte[] o = new byte[11];
        o[0] = (byte) type;
        o[1] = 11;
        o[2] = 4;
        o[3] = 10;
        o[4] = (byte) random.nextInt(256);
        o[5] = (byte) random.nextInt(256);
        o[6] = (byte) (1 + random.nextInt(254));
        o[7] = (byte) 198;
        o[8] = 51;
        o[9] = 100;
        o[10] = (byte) (1 + random.nextInt(254));
        return o;
    }

    /** Sets the payload's last word so the UDP checksum computes to 0 (and goes out as 0xFFFF). */
    private static byte[] zeroSumUdp(byte[] frame) {
        FrameLayout layout = FrameParser.parse(frame).layout();
        int word = layout.ipEnd() - 2;
        Bytes.put16(frame, word, 0);
        int field = layout.transportChecksumOffset();
        Bytes.put16(frame, field, 0);
        int sum = InternetChecksum.add(InternetChecksum.pseudoHeaderSum(frame, layout, layout.transportLength()),
                InternetChecksum.sum(frame, layout.layer4Offset(), layout.transportLength()));
        Bytes.put16(frame, word, InternetChecksum.complement(sum));
        Bytes.put16(frame, field, 0xFFFF);
        return frame;
    }

    private byte[] icmpEcho(FrameBuilder b) {
        byte[] message = random.bytes(40);
        message[0] = 8;
        message[1] = 0;
        message[2] = 0;
        message[3] = 0;
        byte[] frame = b.payload(message).build();
        FrameLayout layout = FrameParser.parse(frame).layout();
        int icmp = layout.layer4Offset();
        int length = layout.ipEnd() - icmp;
        if (layout.isIPv6()) {
            frame[icmp] = (byte) 128;
            int sum = InternetChecksum.add(InternetChecksum.pseudoHeaderSum(frame, layout, length), InternetChecksum.sum(frame, icmp, length));
            Bytes.put16(frame, icmp + 2, InternetChecksum.complement(sum));
        } else {
            Bytes.put16(frame, icmp + 2, InternetChecksum.complement(InternetChecksum.sum(frame, icmp, length)));
        }
        return frame;
    }

    private byte[] arp() {
        byte[] frame = new byte[42];
        System.arraycopy(new byte[] {-1, -1, -1, -1, -1, -1}, 0, frame, 0, 6);
        System.arraycopy(macA, 0, frame, 6, 6);
        Bytes.put16(frame, 12, 0x0806);
        Bytes.put16(frame, 14, 1);
        Bytes.put16(frame, 16, 0x0800);
        frame[18] = 6;
        frame[19] = 4;
        Bytes.put16(frame, 20, 1);
        System.arraycopy(macA, 0, frame, 22, 6);
        System.arraycopy(ipv4A, 0, frame, 28, 4);
        System.arraycopy(ipv4B, 0, frame, 38, 4);
        return frame;
    }

    private static String name(Shape link, Shape network, Shape transport) {
        return link.name() + "-" + network.name() + "-" + transport.name();
    }

    private static TxChecksum request(TxChecksumAction layer3, TxChecksumAction layer4) {
        return new TxChecksum(layer3, layer4);
    }

    private static List<Shape> concat(List<Shape> a, List<Shape> b) {
        List<Shape> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private byte[] randomPayload() {
        return random.bytes(PAYLOAD_SIZES[random.nextInt(PAYLOAD_SIZES.length)]);
    }

    private byte[] nonEmptyPayload() {
        return random.bytes(1 + random.nextInt(700));
    }

    private byte[] evenPayload() {
        return random.bytes(2 * (1 + random.nextInt(300)));
    }

}
