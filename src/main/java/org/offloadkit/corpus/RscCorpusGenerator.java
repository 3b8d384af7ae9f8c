package org.offloadkit.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Ipv6Extension;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.packet.TcpStream;

/**
 * The coalescing corpus as a table of small named cases, one idea each, in the manner of Linux's GRO
 * selftest but judged by the NDIS rules. Each case says in words what it shows and lists the units the NDIS
 * rules make of it ({@link RscCase#intended()}), worked out by hand from spec 3.2, so the reference engine
 * is checked against the cases and not the other way round.
 *
 * <p>Addresses, initial sequence numbers, ACKs and windows come from one seed; every connection has a
 * source port of its own (40001, 40002, ...), so no two cases share one.
 */
public final class RscCorpusGenerator {

    public static final long DEFAULT_SEED = 0x45C0A1E5CEL;

    /** Payload of a full segment: 1500-byte MTU less IPv4 and TCP with timestamps. */
    static final int MSS4 = 1448;
    /** The same for IPv6. */
    static final int MSS6 = 1428;

    /** Judged on every case: checksums of what is indicated, and the payload it gives back. */
    private static final String ALWAYS_13 = "RSC-13";
    private static final String ALWAYS_18 = "RSC-18";

    private final CorpusRandom random;
    private final byte[] macA;
    private final byte[] macB;
    private final byte[] ipv4A;
    private final byte[] ipv4B;
    private final byte[] ipv6A;
    private final byte[] ipv6B;
    private final List<RscCase> cases = new ArrayList<>();
    private int connections;

    private RscCorpusGenerator(long seed) {
        random = new CorpusRandom(seed);
        macA = random.mac();
        macB = random.mac();
        ipv4A = random.privateIpv4();
        ipv4B = random.documentationIpv4();
        ipv6A = random.documentationIpv6();
        ipv6B = random.documentationIpv6();
    }

    public static RscCorpus generate(long seed) {
        RscCorpusGenerator g = new RscCorpusGenerator(seed);
        g.dataCases();
        g.flagCases();
        g.exceptionCases();
        g.ipFieldCases();
        g.ackCases();
        g.timestampCases();
        g.batchCases();
        return new RscCorpus(seed, g.cases);
    }

    // ---------------------------------------------------------------- data in order

    private void dataCases() {
        Segments s = v4();
        add("same-size-data-ipv4", "Ten full segments in order, as in the NDIS example 1: one unit of ten, IP ID of the first",
                units("0-9"), reqs("RSC-04", "RSC-10", "RSC-14", "RSC-17"), s.run(10, MSS4));
        s = v6();
        add("same-size-data-ipv6", "Ten full IPv6 segments in order: one unit, Payload Length for all ten",
                units("0-9"), reqs("RSC-04", "RSC-11", "RSC-14", "RSC-17"), s.run(10, MSS6));
        s = v4();
        add("large-then-small", "Full segments then a short one: NDIS appends it (Linux GRO closes the unit with it)",
                units("0-3"), reqs("RSC-04", "RSC-14"), s.run(3, MSS4), s.run(1, 200));
        s = v4();
        add("small-then-large", "A short segment then full ones: NDIS appends them (Linux GRO starts a new unit)",
                units("0-3"), reqs("RSC-04", "RSC-14"), s.run(1, 200), s.run(3, MSS4));
        s = v4();
        List<byte[]> gap = new ArrayList<>(s.run(2, MSS4));
        s.skip(2 * MSS4);
        gap.addAll(s.run(2, MSS4));
        add("sequence-gap", "Two segments go missing: the one after the gap is not H.NXT and starts a new unit",
                units("0-1", "2-3"), reqs("RSC-04"), gap);
        s = v4();
        long start = s.next;
        List<byte[]> again = new ArrayList<>(s.run(2, MSS4));
        s.next = start;
        again.addAll(s.run(3, MSS4));
        add("retransmission", "Two segments come again, then new data: the repeat starts a unit and the new data follows it",
                units("0-1", "2-4"), reqs("RSC-04"), again);
        Segments tcp = v4();
        byte[] udp = FrameBuilder.ethernet(macB, macA).ipv4(ipv4A, ipv4B).udp(tcp.port + 1000, 53).payload(random.bytes(64)).build();
        add("other-traffic-between", "A UDP datagram arrives amid a TCP flow: it is another flow and ends nothing",
                units("0,2,3", "1"), reqs("RSC-04"), tcp.run(1, MSS4), List.of(udp), tcp.run(2, MSS4));
        Segments[] flows = {v4(), v6(), v4(), v6()};
        List<byte[]> interleaved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (Segments f : flows) {
                interleaved.addAll(f.run(1, f.mss));
            }
        }
        add("interleaved-flows", "Four connections, two over IPv4 and two over IPv6, round robin: each coalesces apart",
                units("0,4,8,12,16", "1,5,9,13,17", "2,6,10,14,18", "3,7,11,15,19"), reqs("RSC-04", "RSC-12", "RSC-14"),
                interleaved);
    }

    // ---------------------------------------------------------------- flags

    private void flagCases() {
        Segments s = v4();
        List<byte[]> psh = new ArrayList<>(s.run(2, MSS4));
        psh.add(s.one(MSS4, TcpFlags.ACK | TcpFlags.PSH));
        psh.addAll(s.run(2, MSS4));
        add("psh-in-the-middle", "PSH on the third of five segments: the unit carries PSH and coalescing goes on",
                units("0-4"), reqs("RSC-07", "RSC-14"), psh);
        s = v4();
        List<byte[]> last = new ArrayList<>(s.run(3, MSS4));
        last.add(s.one(700, TcpFlags.ACK | TcpFlags.PSH));
        add("psh-on-the-last", "PSH on the last segment: ORed into the unit", units("0-3"), reqs("RSC-07"), last);
        flagEndsUnit("syn", TcpFlags.SYN | TcpFlags.ACK, 0, true);
        flagEndsUnit("rst", TcpFlags.RST | TcpFlags.ACK, 0, false);
        flagEndsUnit("urg", TcpFlags.URG | TcpFlags.ACK, 100, true);
        flagEndsUnit("fin", TcpFlags.FIN | TcpFlags.ACK, 300, false);
    }

    /** Exception 3: the flagged segment is indicated alone, the unit before it ends, what follows starts anew. */
    private void flagEndsUnit(String flag, int flags, int length, boolean more) {
        Segments s = v4();
        List<byte[]> frames = new ArrayList<>(s.run(2, MSS4));
        FrameBuilder flagged = s.builder(length, flags);
        if ((flags & TcpFlags.URG) != 0) {
            flagged.urgentPointer(length);
        }
        frames.add(flagged.build());
        s.next += length + ((flags & (TcpFlags.SYN | TcpFlags.FIN)) != 0 ? 1 : 0);
        if (more) {
            frames.addAll(s.run(2, MSS4));
        }
        add(flag + "-ends-the-unit", flag.toUpperCase() + " is a flag besides ACK and PSH (exception 3): it is indicated alone and ends the unit",
                more ? units("0-1", "2", "3-4") : units("0-1", "2"), reqs("RSC-01", "RSC-14"), frames);
    }

    // ---------------------------------------------------------------- exceptions

    private void exceptionCases() {
        Segments s = v4();
        List<byte[]> badIp = new ArrayList<>(s.run(1, MSS4));
        byte[] corrupt = s.one(MSS4, TcpFlags.ACK);
        Corrupt.checksum(corrupt, FrameParser.parse(corrupt).layout().ipv4ChecksumOffset());
        badIp.add(corrupt);
        badIp.addAll(s.run(2, MSS4));
        add("bad-ip-checksum", "An IPv4 header checksum that fails (exception 2): indicated alone, the next starts anew",
                units("0", "1", "2-3"), reqs("RSC-03"), badIp);
        for (Segments t : List.of(v4(), v6())) {
            List<byte[]> badTcp = new ArrayList<>(t.run(2, t.mss));
            byte[] bad = t.one(t.mss, TcpFlags.ACK);
            Corrupt.checksum(bad, FrameParser.parse(bad).layout().transportChecksumOffset());
            badTcp.add(bad);
            badTcp.addAll(t.run(2, t.mss));
            add("bad-tcp-checksum-" + t.version(), "A TCP checksum that fails (exception 2): indicated alone",
                    units("0-1", "2", "3-4"), reqs("RSC-03"), badTcp);
        }
        s = v4();
        List<byte[]> sack = new ArrayList<>(s.run(2, MSS4));
        byte[] sackBlock = new byte[12];
        sackBlock[0] = 1;
        sackBlock[1] = 1;
        sackBlock[2] = 5;
        sackBlock[3] = 10;
        Bytes.put32(sackBlock, 4, random.nextLong() & 0xFFFFFFFFL);
        Bytes.put32(sackBlock, 8, random.nextLong() & 0xFFFFFFFFL);
        sack.add(s.builder(MSS4 - 12, TcpFlags.ACK).tcpOptions(sackBlock).build());
        s.next += MSS4 - 12;
        sack.addAll(s.run(1, MSS4));
        add("tcp-option-other-than-timestamp", "A SACK option (exception 4): indicated alone", units("0-1", "2", "3"),
                reqs("RSC-02"), sack);
        s = v4();
        List<byte[]> options = new ArrayList<>(s.run(1, MSS4));
        options.add(s.builder(MSS4 - 4, TcpFlags.ACK).ipv4Options(new byte[] {(byte) 0x94, 4, 0, 0}).build());
        s.next += MSS4 - 4;
        options.addAll(s.run(1, MSS4));
        add("ipv4-options", "A Router Alert option (exception 5): indicated alone", units("0", "1", "2"), reqs("RSC-02"), options);
        s = v6();
        List<byte[]> extension = new ArrayList<>(s.run(1, MSS6));
        extension.add(s.builder(MSS6 - 8, TcpFlags.ACK).extension(Ipv6Extension.hopByHop(8)).build());
        s.next += MSS6 - 8;
        extension.addAll(s.run(1, MSS6));
        add("ipv6-extension-header", "A hop-by-hop options header (exception 5): indicated alone (Linux GRO coalesces identical ones)",
                units("0", "1", "2"), reqs("RSC-02"), extension);
        fragments(v4());
        fragments(v6());
    }

    /** Exception 6: a segment sent in two fragments, between two whole ones. */
    private void fragments(Segments s) {
        List<byte[]> frames = new ArrayList<>(s.run(1, s.mss));
        byte[] whole = s.one(s.mss, TcpFlags.ACK);
        FrameLayout layout = FrameParser.parse(whole).layout();
        byte[] segment = Arrays.copyOfRange(whole, layout.layer4Offset(), layout.ipEnd());
        int split = 1000; // a multiple of 8
        long id = random.nextLong() & 0xFFFFFFFFL;
        for (int part = 0; part < 2; part++) {
            byte[] piece = part == 0 ? Arrays.copyOf(segment, split) : Arrays.copyOfRange(segment, split, segment.length);
            FrameBuilder b = FrameBuilder.ethernet(macB, macA);
            if (s.ipv4) {
                b.ipv4(ipv4A, ipv4B).ipId((int) id).fragment(false, part == 0, part * split / 8);
            } else {
                b.ipv6(ipv6A, ipv6B).extension(Ipv6Extension.fragment(part * split / 8, part == 0, id));
            }
            frames.add(b.protocol(FrameLayout.PROTOCOL_TCP).payload(piece).build());
        }
        frames.addAll(s.run(1, s.mss));
        add(s.version() + "-fragments", "A segment in two " + s.version() + " fragments (exception 6): each indicated alone",
                units("0", "1", "2", "3"), reqs("RSC-02"), frames);
    }

    // ---------------------------------------------------------------- IP fields

    private void ipFieldCases() {
        for (Segments s : List.of(v4(), v6())) {
            List<byte[]> frames = new ArrayList<>(s.tos(0x02).run(2, s.mss)); // ECT(0)
            frames.addAll(s.tos(0x03).run(2, s.mss)); // CE
            add("ecn-change-" + s.version(), "The IP ECN field turns from ECT(0) to CE (exception 8): the changed segment starts the next unit",
                    units("0-1", "2-3"), reqs("RSC-08"), frames);
        }
        Segments s = v4();
        List<byte[]> ece = new ArrayList<>(s.run(2, MSS4));
        ece.add(s.one(MSS4, TcpFlags.ACK | TcpFlags.ECE));
        ece.add(s.one(MSS4, TcpFlags.ACK | TcpFlags.ECE));
        add("ece-change", "TCP ECE appears (exception 8): the changed segment starts the next unit, and ECE ones coalesce",
                units("0-1", "2-3"), reqs("RSC-08"), ece);
        s = v4();
        List<byte[]> dscp = new ArrayList<>(s.run(2, MSS4));
        dscp.addAll(s.tos(0xB8).run(2, MSS4)); // DSCP EF
        add("dscp-differs", "The DSCP changes: only segments with the same Differentiated Services coalesce",
                units("0-1", "2-3"), reqs("RSC-12"), dscp);
        s = v6();
        List<byte[]> label = new ArrayList<>(s.run(2, MSS6));
        s.stream.flowLabel(random.nextInt(1, 1 << 20));
        label.addAll(s.run(2, MSS6));
        add("flow-label-differs", "The IPv6 Flow Label changes: only segments with the same label coalesce",
                units("0-1", "2-3"), reqs("RSC-12"), label);
        s = v4();
        List<byte[]> ttl = new ArrayList<>();
        for (int value : new int[] {64, 61, 63, 62}) {
            ttl.addAll(s.ttl(value).run(1, MSS4));
        }
        add("ttl-differs", "TTLs 64, 61, 63, 62: one unit with the minimum, 61 (Linux GRO needs equal TTLs)",
                units("0-3"), reqs("RSC-10"), ttl);
        s = v6();
        List<byte[]> hops = new ArrayList<>();
        for (int value : new int[] {64, 61, 63}) {
            hops.addAll(s.ttl(value).run(1, MSS6));
        }
        add("hop-limit-differs", "Hop Limits 64, 61, 63: one unit with the minimum, 61", units("0-2"), reqs("RSC-11"), hops);
        s = v4();
        List<byte[]> df = new ArrayList<>(s.run(2, MSS4));
        s.stream.dontFragment(false);
        df.addAll(s.run(2, MSS4));
        add("df-differs", "DF set on two segments, clear on the next two: DF must be the same in a unit",
                units("0-1", "2-3"), reqs("RSC-10"), df);
        for (Segments t : List.of(v4(), v6())) {
            add("largest-datagram-" + t.version(), "47 full segments: 45 fill a unit below 65535 bytes, the 46th starts the next (exception 7)",
                    units("0-44", "45-46"), reqs("RSC-09"), t.run(47, MSS4));
        }
    }

    // ---------------------------------------------------------------- ACKs

    private void ackCases() {
        Segments s = v4();
        List<byte[]> pure = new ArrayList<>(s.run(2, MSS4));
        s.stream.ack(s.ack += 2000);
        pure.add(s.stream.pureAck(s.next));
        pure.addAll(s.run(2, MSS4));
        add("pure-ack", "A pure ACK that acknowledges new data is neither a window update nor a duplicate: indicated on its own",
                units("0-1", "2", "3-4"), reqs("RSC-06", "RSC-14"), pure);
        s = v4();
        List<byte[]> dupsAfterData = new ArrayList<>(s.run(2, MSS4));
        for (int i = 0; i < 3; i++) {
            dupsAfterData.add(s.stream.pureAck(s.next));
        }
        add("duplicate-acks-after-data", "Three duplicate ACKs after data: they start a unit of their own, DupAckCount 3 - 1 = 2",
                units("0-1", "2-4"), reqs("RSC-06", "RSC-14"), dupsAfterData);
        s = v4();
        List<byte[]> dupsAfterAck = new ArrayList<>(s.run(1, MSS4));
        s.stream.ack(s.ack += 1000);
        for (int i = 0; i < 3; i++) {
            dupsAfterAck.add(s.stream.pureAck(s.next));
        }
        add("duplicate-acks-after-a-cumulative-ack", "A cumulative ACK, then two duplicates: they fold into it, DupAckCount 2",
                units("0", "1-3"), reqs("RSC-14"), dupsAfterAck);
        s = v4();
        List<byte[]> dupsFirst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dupsFirst.add(s.stream.pureAck(s.next));
        }
        add("duplicate-acks-first-in-batch", "A batch that begins with three duplicate ACKs: the first looks like a pure ACK, DupAckCount 2",
                units("0-2"), reqs("RSC-14"), dupsFirst);
        s = v4();
        List<byte[]> updates = new ArrayList<>(s.run(5, MSS4));
        updates.add(s.stream.window(65535).pureAck(s.next));
        updates.add(s.stream.window(32768).pureAck(s.next));
        add("window-updates", "Five segments, then two window updates (NDIS example 3): one unit, the last window, count 5",
                units("0-6"), reqs("RSC-05", "RSC-14"), updates);
        s = v4();
        List<byte[]> piggyback = new ArrayList<>(s.run(3, MSS4));
        s.stream.ack(s.ack += 5000);
        piggyback.addAll(s.run(2, MSS4));
        add("piggybacked-acks", "Data whose ACK moves on halfway (NDIS example 4): one unit carrying the last ACK",
                units("0-4"), reqs("RSC-05", "RSC-14"), piggyback);
    }

    // ---------------------------------------------------------------- timestamps

    private void timestampCases() {
        Segments s = v4();
        long ts = random.nextLong() & 0xFFFFFFFFL;
        long echo = random.nextLong() & 0xFFFFFFFFL;
        List<byte[]> inOrder = new ArrayList<>();
        for (long step : new long[] {0, 0, 1, 3}) {
            inOrder.add(s.timestamped(MSS4 - 12, ts + step, echo + step));
        }
        add("timestamps-in-order", "TSvals t, t, t+1, t+3: one unit carrying the latest TSval and TSecr, delta 3",
                units("0-3"), reqs("RSC-15", "RSC-14"), inOrder);
        s = v4();
        List<byte[]> regression = new ArrayList<>();
        for (long step : new long[] {0, 4, 2, 5}) {
            regression.add(s.timestamped(MSS4 - 12, ts + step, echo));
        }
        add("timestamp-regression", "TSvals t, t+4, t+2, t+5: t+2 is older than the unit's, so it starts the next unit",
                units("0-1", "2-3"), reqs("RSC-15"), regression);
    }

    // ---------------------------------------------------------------- batches

    private void batchCases() {
        for (Segments s : List.of(v4(), v6())) {
            add("batch-boundary-" + s.version(), "A flow in order across two receive batches: nothing coalesces across them",
                    units("0-3", "4-7"), reqs("RSC-16"), List.of(s.run(4, s.mss), s.run(4, s.mss)));
        }
    }

    // ---------------------------------------------------------------- building blocks

    /** A case of one receive batch, its frames given in parts. */
    @SafeVarargs
    private void add(String name, String idea, List<String> intended, List<String> requirements, List<byte[]>... parts) {
        add(name, idea, intended, requirements, List.of(Arrays.stream(parts).flatMap(List::stream).toList()));
    }

    private void add(String name, String idea, List<String> intended, List<String> requirements, List<List<byte[]>> batches) {
        List<String> judged = new ArrayList<>(requirements);
        judged.add(ALWAYS_13);
        judged.add(ALWAYS_18);
        cases.add(new RscCase(String.format("rsc-%02d", cases.size() + 1), name, idea, batches, judged.stream().sorted().toList(),
                intended));
    }

    private static List<String> units(String... groups) {
        return List.of(groups);
    }

    private static List<String> reqs(String... ids) {
        return List.of(ids);
    }

    private Segments v4() {
        return new Segments(true);
    }

    private Segments v6() {
        return new Segments(false);
    }

    /** The next segments of one case's connection: sequence numbers advance by what is sent. */
    private final class Segments {
        final boolean ipv4;
        final int port = 40001 + connections++;
        final int mss;
        final TcpStream stream;
        long next = random.nextLong() & 0xFFFFFFFFL;
        long ack = random.nextLong() & 0xFFFFFFFFL;

        Segments(boolean ipv4) {
            this.ipv4 = ipv4;
            this.mss = ipv4 ? MSS4 : MSS6;
            stream = ipv4 ? TcpStream.ipv4(macB, macA, ipv4A, ipv4B, port, 443).ipId(random.nextInt(65536))
                    : TcpStream.ipv6(macB, macA, ipv6A, ipv6B, port, 443).flowLabel(random.nextInt(1 << 20));
            stream.ack(ack).window(random.nextInt(8192, 32768)); // below the window updates' 32768 and 65535
        }

        String version() {
            return ipv4 ? "ipv4" : "ipv6";
        }

        List<byte[]> run(int count, int length) {
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                frames.add(one(length, TcpFlags.ACK));
            }
            return frames;
        }

        byte[] one(int length, int flags) {
            byte[] frame = builder(length, flags).build();
            next += length;
            return frame;
        }

        FrameBuilder builder(int length, int flags) {
            return stream.segment(next & 0xFFFFFFFFL, length, flags);
        }

        byte[] timestamped(int length, long tsval, long tsecr) {
            byte[] frame = builder(length, TcpFlags.ACK).tcpOptions(TcpStream.timestampOption(tsval, tsecr)).build();
            next += length;
            return frame;
        }

        void skip(int bytes) {
            next += bytes;
        }

        Segments tos(int value) {
            stream.tos(value);
            return this;
        }

        Segments ttl(int value) {
            stream.ttl(value);
            return this;
        }
    }
}
