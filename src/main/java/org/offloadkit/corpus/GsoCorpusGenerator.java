package org.offloadkit.corpus;

import static org.offloadkit.corpus.GsoVector.BEYOND_OFFSET_LIMIT;
import static org.offloadkit.corpus.GsoVector.ID_WRAP;
import static org.offloadkit.corpus.GsoVector.NO_UDP_CHECKSUM;
import static org.offloadkit.corpus.GsoVector.OVER_MAXIMUM;
import static org.offloadkit.corpus.GsoVector.SEQ_WRAP;
import static org.offloadkit.corpus.GsoVector.SUB_MSS_FINAL;
import static org.offloadkit.corpus.GsoVector.UNDER_MINIMUM;
import static org.offloadkit.spec.LargeSend.Flavor.LSO_V1;
import static org.offloadkit.spec.LargeSend.Flavor.LSO_V2;
import static org.offloadkit.spec.LargeSend.Flavor.USO;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.Ipv6Extension;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.LargeSend.Flavor;

/**
 * The segmentation corpus, as a table of named cases, one idea each: user bytes of MSS−1, MSS, MSS+1, k·MSS,
 * k·MSS+1, 64 KiB (the reference adapter's MaximumOffloadSize) and one byte over; MSS from 1 to jumbo
 * sizes; the TCP flags a large send may carry (FIN, PSH, CWR, ECE; never URG, SYN or RST, spec 2.2); IPv4
 * IDs and sequence numbers just before their wraps; LSOv1 and LSOv2; IPv4 options, IPv6 extension headers
 * (a routing header among them, whose final destination the checksum seed carries), TCP options; VLAN
 * tags; USO with and without a short last datagram and without UDP checksums; and headers long enough to
 * pass the reference adapter's 255-byte offset limit, for the framework's software segmentation.
 *
 * <p>Everything random comes from one seed, so a seed gives the same bytes on every machine.
 */
public final class GsoCorpusGenerator {

    public static final long DEFAULT_SEED = 0x6504_0FF1_0AD5L;

    private record Shape(String name, Consumer<FrameBuilder> apply) {}

    private final CorpusRandom random;
    private final byte[] macA;
    private final byte[] macB;
    private final byte[] ipv4A;
    private final byte[] ipv4B;
    private final byte[] ipv6A;
    private final byte[] ipv6B;
    private final List<GsoVector> lso = new ArrayList<>();
    private final List<GsoVector> uso = new ArrayList<>();

    private final Shape eth = new Shape("eth", b -> {});
    private final Shape vlan = new Shape("vlan", b -> b.vlan(0x8100, 100));
    private final Shape qinq = new Shape("qinq", b -> b.vlan(0x88A8, 10).vlan(0x8100, 20));
    private final Shape ipv4;
    private final Shape ipv4RouterAlert;
    private final Shape ipv4RecordRoute;
    private final Shape ipv6;
    private final Shape ipv6Options;
    private final Shape ipv6Routing;
    private final Shape tcp;
    private final Shape tcpTimestamps;
    private final Shape tcpTimestampsSack;
    private final Shape udp;

    private GsoCorpusGenerator(long seed) {
        random = new CorpusRandom(seed);
        macA = random.mac();
        macB = random.mac();
        ipv4A = random.privateIpv4();
        ipv4B = random.documentationIpv4();
        ipv6A = random.documentationIpv6();
        ipv6B = random.documentationIpv6();
        byte[] homeAddress = random.documentationIpv6();
        // the stack draws LSOv2 IDs from the lower half (spec 2.3 item 6); the other flavours may use any
        ipv4 = new Shape("ipv4", b -> b.ipv4(ipv4A, ipv4B).ipId(random.nextInt(0x8000)));
        ipv4RouterAlert = new Shape("ipv4-ra", b -> b.ipv4(ipv4A, ipv4B).ipId(random.nextInt(0x8000))
                .ipv4Options(new byte[] {(byte) 0x94, 4, 0, 0}));
        ipv4RecordRoute = new Shape("ipv4-rr", b -> b.ipv4(ipv4A, ipv4B).ipId(random.nextInt(0x8000)).ipv4Options(CorpusRandom.recordRoute()));
        ipv6 = new Shape("ipv6", b -> b.ipv6(ipv6A, ipv6B).flowLabel(random.nextInt(1 << 20)));
        ipv6Options = new Shape("ipv6-hbh-dstopts", b -> b.ipv6(ipv6A, ipv6B).extension(Ipv6Extension.hopByHop(8))
                .extension(Ipv6Extension.destinationOptions(16)));
        ipv6Routing = new Shape("ipv6-rh2", b -> b.ipv6(ipv6A, ipv6B).extension(Ipv6Extension.routingType2(homeAddress)));
        tcp = new Shape("tcp", b -> random.tcp(b));
        tcpTimestamps = new Shape("tcp-ts", b -> random.tcp(b).tcpOptions(random.timestamps()));
        tcpTimestampsSack = new Shape("tcp-ts-sack", b -> random.tcp(b).tcpOptions(timestampsAndSack()));
        udp = new Shape("udp", b -> b.udp(1024 + random.nextInt(60000), 1024 + random.nextInt(60000)));
    }

    public static GsoCorpus generate(long seed) {
        GsoCorpusGenerator g = new GsoCorpusGenerator(seed);
        g.largeSendSizes();
        g.mssRange();
        g.tcpFlags();
        g.wraps();
        g.optionsAndExtensions();
        g.udpSegmentation();
        g.beyondTheOffsetLimit();
        return new GsoCorpus(seed, g.lso, g.uso);
    }

    // ---------------------------------------------------------------- TCP

    /** Around one MSS, around k·MSS, and at the top: 64 KiB, one byte over, LSOv1's largest. */
    private void largeSendSizes() {
        int v4 = 1448;
        for (int[] size : new int[][] {{v4 - 1}, {v4}, {v4 + 1}, {5 * v4}, {5 * v4 + 1}, {65536}, {65537}}) {
            add(eth, ipv4, tcpTimestamps, LSO_V2, v4, size[0], "", null);
        }
        int v1 = 1460;
        for (int size : new int[] {v1 - 1, v1, v1 + 1, 5 * v1, 5 * v1 + 1, 0xFFFF - 40}) {
            add(eth, ipv4, tcp, LSO_V1, v1, size, size == 0xFFFF - 40 ? "largest-lsov1" : "", null);
        }
        int v6 = 1428;
        for (int size : new int[] {v6 + 1, 4 * v6 + 1, 65536, 65537}) {
            add(eth, ipv6, tcpTimestamps, LSO_V2, v6, size, "", null);
        }
    }

    /** From one byte a segment to jumbo frames and the largest MSS a 64 KiB send can use twice. */
    private void mssRange() {
        add(eth, ipv4, tcp, LSO_V2, 1, 7, "", null);
        add(eth, ipv4, tcp, LSO_V2, 536, 4000, "", null);
        add(eth, ipv4, tcp, LSO_V2, 8960, 65536, "jumbo", null);
        add(eth, ipv4, tcp, LSO_V2, 9000, 9001, "jumbo", null);
        add(eth, ipv4, tcp, LSO_V2, 32768, 65536, "", null);
        add(eth, ipv6, tcp, LSO_V2, 8940, 30000, "jumbo", null);
    }

    /** FIN and PSH belong on the last segment, CWR on the first, ECE and ACK on all (spec 2.3 item 4). */
    private void tcpFlags() {
        int mss = 1448;
        int[] flags = {0x10, 0x18, 0x19, 0x11, 0x90, 0x50, 0xD9};
        for (int f : flags) {
            add(eth, ipv4, tcpTimestamps, LSO_V2, mss, 4 * mss + 100, flagName(f), b -> b.flags(f));
        }
        add(eth, ipv6, tcp, LSO_V2, 1440, 4 * 1440 + 100, flagName(0xD9), b -> b.flags(0xD9));
        add(eth, ipv4, tcp, LSO_V1, 1460, 4 * 1460 + 100, flagName(0x99), b -> b.flags(0x99));
    }

    /** IPv4 IDs before 0x7FFF and 0xFFFF, sequence numbers before 2^32. */
    private void wraps() {
        int mss = 1460;
        add(eth, ipv4, tcp, LSO_V2, mss, 5 * mss, "id-7ffe", b -> b.ipId(0x7FFE), ID_WRAP);
        add(eth, ipv4, tcp, LSO_V2, mss, 2 * mss, "id-7fff", b -> b.ipId(0x7FFF), ID_WRAP);
        add(eth, ipv4, tcp, LSO_V1, mss, 5 * mss, "id-fffe", b -> b.ipId(0xFFFE), ID_WRAP);
        add(eth, ipv4, tcp, LSO_V1, mss, 5 * mss, "id-7ffe", b -> b.ipId(0x7FFE), ID_WRAP);
        add(eth, ipv4, tcpTimestamps, LSO_V2, 1448, 4 * 1448 + 100, "seq-wrap", b -> b.seq((1L << 32) - 2 * 1448 - 100), SEQ_WRAP);
        add(eth, ipv6, tcp, LSO_V2, 1440, 3 * 1440, "seq-ffffffff", b -> b.seq(0xFFFFFFFFL), SEQ_WRAP);
    }

    private void optionsAndExtensions() {
        add(eth, ipv4RouterAlert, tcpTimestamps, LSO_V2, 1444, 10000, "", null);
        add(eth, ipv4RecordRoute, tcp, LSO_V1, 1420, 10000, "", null);
        add(eth, ipv4RecordRoute, tcpTimestampsSack, LSO_V2, 1396, 10000, "", null);
        add(eth, ipv6Options, tcpTimestamps, LSO_V2, 1404, 10000, "", null);
        add(eth, ipv6Routing, tcp, LSO_V2, 1416, 10000, "", null);
        add(vlan, ipv4, tcpTimestamps, LSO_V2, 1448, 10000, "", null);
        add(vlan, ipv4, tcp, LSO_V1, 1460, 10000, "", null);
        add(qinq, ipv6, tcpTimestamps, LSO_V2, 1428, 10000, "", null);
    }

    // ---------------------------------------------------------------- UDP

    private void udpSegmentation() {
        int v4 = 1472;
        for (int size : new int[] {v4 - 1, v4, 2 * v4, 4 * v4, 4 * v4 + 1, 44 * v4, 65536, 65537}) {
            add(eth, ipv4, udp, USO, v4, size, "", null);
        }
        int v6 = 1452;
        for (int size : new int[] {4 * v6, 4 * v6 + 700, 65536, 65537}) {
            add(eth, ipv6, udp, USO, v6, size, "", null);
        }
        add(eth, ipv4, udp, USO, v4, 4 * v4, "no-checksum", null, NO_UDP_CHECKSUM);
        add(eth, ipv4, udp, USO, v4, 3 * v4 + 10, "no-checksum", null, NO_UDP_CHECKSUM);
        add(eth, ipv4, udp, USO, v4, 4 * v4, "id-fffe", b -> b.ipId(0xFFFE), ID_WRAP);
        add(eth, ipv4, udp, USO, v4, 3 * v4, "id-7fff", b -> b.ipId(0x7FFF));
        add(eth, ipv4, udp, USO, 1, 6, "", null);
        add(eth, ipv4, udp, USO, 8, 24, "", null);
        add(eth, ipv4, udp, USO, 8972, 65536, "jumbo", null);
        add(eth, ipv6, udp, USO, 8952, 30000, "jumbo", null);
        add(eth, ipv4RouterAlert, udp, USO, 1468, 8000, "", null);
        add(eth, ipv4RecordRoute, udp, USO, 1432, 8000, "", null);
        add(eth, ipv6Options, udp, USO, 1428, 8000, "", null);
        add(eth, ipv6Routing, udp, USO, 1428, 8000, "", null);
        add(vlan, ipv4, udp, USO, v4, 8000, "", null);
        add(qinq, ipv6, udp, USO, v6, 8000, "", null);
    }

    // ---------------------------------------------------------------- software segmentation

    /** L2+L3 of 262 and 258 bytes, beyond the reference adapter's limit of 255. */
    private void beyondTheOffsetLimit() {
        Shape opts208 = destinationOptions(208);
        Shape opts200 = destinationOptions(200);
        add(eth, opts208, tcpTimestamps, LSO_V2, 1220, 10000, flagName(0xD9), b -> b.flags(0xD9), BEYOND_OFFSET_LIMIT);
        add(vlan, opts200, tcp, LSO_V2, 1200, 4801, "", null, BEYOND_OFFSET_LIMIT);
        add(eth, opts208, udp, USO, 1200, 6000, "", null, BEYOND_OFFSET_LIMIT);
        add(vlan, opts200, udp, USO, 1200, 3601, "", null, BEYOND_OFFSET_LIMIT);
    }

    private Shape destinationOptions(int bytes) {
        return new Shape("ipv6-dstopts" + bytes, b -> b.ipv6(ipv6A, ipv6B).extension(Ipv6Extension.destinationOptions(bytes)));
    }

    // ---------------------------------------------------------------- building blocks

    /**
     * Records one large send. Tags for the sizes the reference adapter's limits make special are added
     * here, so that no case forgets them.
     */
    private void add(Shape link, Shape network, Shape transport, Flavor flavor, int mss, int payloadLength, String detail,
                     Consumer<FrameBuilder> edit, String... tags) {
        FrameBuilder b = FrameBuilder.ethernet(macB, macA);
        link.apply().accept(b);
        network.apply().accept(b);
        transport.apply().accept(b);
        if (edit != null) {
            edit.accept(b);
        }
        byte[] frame = GsoTemplates.template(b, random.bytes(payloadLength), flavor, !List.of(tags).contains(NO_UDP_CHECKSUM));
        Set<String> all = new TreeSet<>(List.of(tags));
        int segments = (payloadLength + mss - 1) / mss;
        if (segments < 2) {
            all.add(UNDER_MINIMUM);
        }
        if (payloadLength > 65536) {
            all.add(OVER_MAXIMUM);
        }
        if (flavor == USO && payloadLength % mss != 0) {
            all.add(SUB_MSS_FINAL);
        }
        List<GsoVector> list = flavor.isLso() ? lso : uso;
        int packet = list.size() + 1;
        String name = String.join("-", link.name(), network.name(), transport.name(), flavor.label.toLowerCase(),
                "mss" + mss, "payload" + payloadLength) + (detail.isEmpty() ? "" : "-" + detail);
        LargeSend send = new LargeSend(flavor, mss);
        list.add(new GsoVector(String.format("%s-%03d", flavor.isLso() ? "lso" : "uso", packet), name, packet, frame,
                GsoSegmenter.parseTemplate(frame, flavor).layout(), send, all));
    }

    private static String flagName(int flags) {
        return "flags-" + TcpFlags.names(flags).replaceAll("[\\[\\]]", "").toLowerCase().replace(' ', '-');
    }

    /** Timestamps and one SACK block: a 44-byte TCP header. */
    private byte[] timestampsAndSack() {
        byte[] o = Arrays.copyOf(random.timestamps(), 24);
        o[12] = 1;
        o[13] = 1;
        o[14] = 5;
        o[15] = 10;
        Bytes.put32(o, 16, random.nextLong() & 0xFFFFFFFFL);
        Bytes.put32(o, 20, random.nextLong() & 0xFFFFFFFFL);
        return o;
    }
}
