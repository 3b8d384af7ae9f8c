package org.offloadkit.reference;

import static org.offloadkit.packet.Bytes.put16;
import static org.offloadkit.packet.Bytes.put32;
import static org.offloadkit.packet.Bytes.u16;
import static org.offloadkit.packet.Bytes.u32;
import static org.offloadkit.packet.Bytes.u8;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.packet.Layer3Type;
import org.offloadkit.packet.Layer4Type;
import org.offloadkit.packet.ParseResult;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.spec.RscChecksumFinalization;
import org.offloadkit.spec.RscInfo;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxIndication;

/**
 * Receive segment coalescing as a pure function of one receive batch: the frames of a batch in, the
 * indications out. Nothing is held from one batch to the next (RSC-16), so the same batches give the same
 * indications on every run, whichever engine (the reference adapter, the framework's software RSC, a
 * kernel's GRO) they are compared with.
 *
 * <p>Each frame is parsed once. A tracked unit keeps references to the frames it folds, and its payload
 * checksum is summed while the segment's own checksum is validated, so its TCP checksum needs no second pass
 * over the payload, and its bytes are copied once, when the unit is first indicated ({@link RscUnit}).
 */
public final class RscCoalescer {
    /** The largest IPv4 Total Length or IPv6 Payload Length (RFC 791 section 3.1, exception 7). */
    static final int MAX_DATAGRAM = 65535;

    private static final int OTHER_THAN_ACK_PSH_ECN = ~(TcpFlags.ACK | TcpFlags.PSH | TcpFlags.ECE | TcpFlags.CWR) & 0xFF;
    private static final int LINUX_FINAL_FLAGS = TcpFlags.URG | TcpFlags.PSH | TcpFlags.RST | TcpFlags.SYN | TcpFlags.FIN;
    private static final int OPTION_END = 0;
    private static final int OPTION_NOP = 1;
    private static final int OPTION_TIMESTAMP = 8;

    private final RscSettings settings;
    private final List<Segment> segments;
    private final List<RscUnit> out;
    private final List<Unit> tracked = new ArrayList<>();
    private final Segment[] flowKeys;
    private final Unit[] flowUnits;
    private final int mask;

    private RscCoalescer(List<byte[]> batch, RscSettings settings) {
        this.settings = settings;
        this.segments = new ArrayList<>(batch.size());
        this.out = new ArrayList<>(batch.size());
        int capacity = Integer.highestOneBit(Math.max(4, batch.size() * 2 - 1)) << 1;
        this.flowKeys = new Segment[capacity];
        this.flowUnits = new Unit[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < batch.size(); i++) {
            segments.add(new Segment(i, batch.get(i)));
        }
        // The payloads are summed in a loop of their own: inlined into the parse, the sum ran about 40 % slower
        // (docs/benchmarks.md).
        for (Segment s : segments) {
            if (s.kind == Kind.TCP) {
                s.verify();
            }
        }
    }

    /** The indications for one receive batch, in the order an adapter following the profile gives them. */
    public static List<RscUnit> coalesce(List<byte[]> batch, RscSettings settings) {
        RscCoalescer run = new RscCoalescer(batch, settings);
        for (Segment s : run.segments) {
            if (settings.profile() == RscProfile.NDIS) {
                run.ndis(s);
            } else {
                run.linuxGro(s);
            }
        }
        for (Unit unit : run.tracked) {
            if (unit.open) {
                run.indicate(unit);
            }
        }
        return run.out;
    }

    /** The indications alone. */
    public static List<RxIndication> indications(List<byte[]> batch, RscSettings settings) {
        return coalesce(batch, settings).stream().map(RscUnit::indication).toList();
    }

    // ---------------------------------------------------------------- the NDIS rules (spec 3.2)

    private void ndis(Segment s) {
        if (s.kind == Kind.FRAGMENT) {
            // Exception 6. Only a first fragment names its ports, so every unit between the two addresses ends.
            for (Unit unit : tracked) {
                if (unit.open && sameAddresses(unit.first, s)) {
                    indicate(unit);
                }
            }
            alone(s);
            return;
        }
        if (s.kind != Kind.TCP || !rscEnabledFor(s)) {
            alone(s);
            return;
        }
        Unit h = trackedUnit(s);
        if (ndisException(s)) {
            if (h != null) {
                indicate(h);
            }
            alone(s);
            return;
        }
        if (h == null) {
            track(s);
            return;
        }
        if (!sameIpFields(h.first, s) || ecn(h.first) != ecn(s)
                || (h.first.flags & (TcpFlags.ECE | TcpFlags.CWR)) != (s.flags & (TcpFlags.ECE | TcpFlags.CWR))
                || s.layout.layer4Length() != h.first.layout.layer4Length()
                || (s.timestamp >= 0) != (h.first.timestamp >= 0)
                || (s.timestamp >= 0 && (int) (s.tsval() - h.tsval) < 0)) {
            // Exception 8 (ECN), a header the unit cannot carry, or a timestamp older than the unit's:
            // the segment starts the next unit.
            indicate(h);
            track(s);
            return;
        }
        if (s.payloadLength == 0) {
            pureAck(h, s);
        } else if (s.seq == h.nxt && h.dupAcks == 0 && h.payloadBytes > 0 && (int) (s.ack - h.ack) >= 0 && fits(h, s)) {
            fold(h, s);
        } else {
            indicate(h);
            track(s);
        }
    }

    /** The second flowchart: window updates and duplicate ACKs; any other pure ACK is a unit of its own. */
    private void pureAck(Unit h, Segment s) {
        // Both cases the flowchart folds keep the unit's ACK, so "H.DupAckCount == 0 or same ACK" holds for them.
        boolean inPlace = s.seq == h.nxt && s.ack == h.ack;
        if (inPlace && s.window != h.window) {
            fold(h, s);
        } else if (inPlace && settings.foldDuplicateAcks() && h.payloadBytes == 0) {
            fold(h, s);
            h.dupAcks++;
        } else if (inPlace && !settings.foldDuplicateAcks()) {
            indicate(h);
            alone(s);
        } else {
            // A duplicate ACK after data starts a unit whose count begins at 0, as does any other pure ACK.
            indicate(h);
            track(s);
        }
    }

    /** Exceptions 2 to 5: the segment is indicated alone and ends its connection's unit. */
    private boolean ndisException(Segment s) {
        return !s.checksumsVerify
                || (s.flags & OTHER_THAN_ACK_PSH_ECN) != 0 || (s.flags & TcpFlags.ACK) == 0 || s.reservedBits != 0
                || s.otherOptions
                || (s.timestamp >= 0 && !settings.active().isTcpTimestampOptionEnabled())
                || s.layout.layer3Type() != Layer3Type.IPV4_NO_OPTIONS && s.layout.layer3Type() != Layer3Type.IPV6_NO_EXTENSIONS;
    }

    private boolean fits(Unit h, Segment s) {
        int ipHeader = s.layout.isIPv4() ? s.layout.layer3Length() : s.layout.layer3Length() - 40;
        return ipHeader + s.layout.layer4Length() + h.payloadBytes + s.payloadLength <= MAX_DATAGRAM;
    }

    // ---------------------------------------------------------------- the Linux GRO rules

    private void linuxGro(Segment s) {
        if (s.kind != Kind.TCP || !rscEnabledFor(s) || !linuxCanHold(s)) {
            alone(s); // inet_gro_receive and tcp4_gro_receive give up on it; the flow's unit stays held
            return;
        }
        Unit p = trackedUnit(s);
        boolean last = (s.flags & LINUX_FINAL_FLAGS) != 0;
        if (p != null && linuxMerges(p, s)) {
            fold(p, s);
            if (last || s.payloadLength < p.first.payloadLength) {
                indicate(p);
            }
            return;
        }
        if (p != null) {
            indicate(p);
        }
        if (last || s.payloadLength == 0) {
            alone(s);
        } else {
            track(s);
        }
    }

    private boolean linuxCanHold(Segment s) {
        if (!s.checksumsVerify) {
            return false;
        }
        if (s.layout.isIPv4()) {
            return s.layout.layer3Type() == Layer3Type.IPV4_NO_OPTIONS;
        }
        return s.ipv6ExtensionsGroCanPull;
    }

    private boolean linuxMerges(Unit p, Segment s) {
        Segment f = p.first;
        int l4 = s.layout.layer4Offset();
        int fl4 = f.layout.layer4Offset();
        // The word at TCP offset 12 holds data offset, flags and window: all must match but FIN and PSH.
        long flagWordDifference = (u32(s.frame, l4 + 12) ^ u32(f.frame, fl4 + 12)) & ~((long) (TcpFlags.FIN | TcpFlags.PSH) << 16);
        return (s.flags & TcpFlags.CWR) == 0
                && flagWordDifference == 0
                && s.ack == f.ack
                && s.layout.layer4Length() == f.layout.layer4Length()
                && Arrays.equals(s.frame, l4 + 20, s.payload, f.frame, fl4 + 20, f.payload)
                && sameIpFields(f, s) && ecn(f) == ecn(s) && ttl(f) == ttl(s)
                && s.payloadLength > 0 && s.payloadLength <= f.payloadLength
                && s.seq == p.nxt
                && fits(p, s)
                && (!s.layout.isIPv4() || linuxIpIdFollows(p, s));
    }

    /** IDs that count up by one a segment, or (with DF) one fixed ID, decided by the second segment. */
    private static boolean linuxIpIdFollows(Unit p, Segment s) {
        int offset = (ipId(s) - ipId(p.first)) & 0xFFFF;
        int count = p.members.size();
        if (count == 1 && dontFragment(s) && offset == 0) {
            p.fixedIpId = true;
        }
        return offset == (p.fixedIpId ? 0 : count);
    }

    // ---------------------------------------------------------------- units

    private boolean rscEnabledFor(Segment s) {
        return s.layout.isIPv4() ? settings.active().isTcpRscIPv4Enabled() : settings.active().isTcpRscIPv6Enabled();
    }

    /** The connection's open unit, if any; the segment keeps its connection's slot for {@link #track}. */
    private Unit trackedUnit(Segment s) {
        s.slot = slot(s);
        Unit unit = flowUnits[s.slot];
        return unit != null && unit.open ? unit : null;
    }

    private void track(Segment s) {
        Unit unit = new Unit(s);
        flowKeys[s.slot] = s;
        flowUnits[s.slot] = unit;
        tracked.add(unit);
    }

    private void fold(Unit h, Segment s) {
        h.members.add(s);
        h.ack = s.ack;
        h.window = s.window;
        h.flagsOr |= s.flags;
        h.minTtl = Math.min(h.minTtl, ttl(s));
        if (s.timestamp >= 0) {
            h.tsval = s.tsval();
            h.tsecr = u32(s.frame, s.timestamp + 4);
        }
        if (s.payloadLength > 0) {
            int sum = (h.payloadBytes & 1) == 0 ? s.payloadSum : swapBytes(s.payloadSum);
            h.payloadSum = InternetChecksum.add(h.payloadSum, sum);
            h.payloadBytes += s.payloadLength;
            h.dataSegments++;
            h.nxt = (s.seq + s.payloadLength) & 0xFFFFFFFFL;
        }
    }

    private void alone(Segment s) {
        out.add(new RscUnit(asReceived(s), List.of(s.index)));
    }

    private RxIndication asReceived(Segment s) {
        FrameLayout layout = s.layout != null ? s.layout : FrameLayout.unknown(s.frame.length);
        RxChecksum checksum = s.layout != null ? RxChecksumEvaluator.evaluate(s.frame, s.layout, settings.rxChecksum())
                : RxChecksum.NOT_CHECKED;
        return new RxIndication(s.frame, layout, checksum);
    }

    private void indicate(Unit unit) {
        unit.open = false;
        List<Segment> members = unit.members;
        List<Integer> places = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            places.add(members.get(i).index);
        }
        out.add(members.size() == 1 ? new RscUnit(asReceived(unit.first), places) : finalized(unit, places));
    }

    /**
     * Spec 3.2 finalization: one wire-like segment carrying every payload, its headers brought up to date. The
     * headers are written now, the TCP checksum from the payload sums taken when each segment was verified;
     * the payloads are copied behind them only when the unit is first indicated.
     */
    private RscUnit finalized(Unit unit, List<Integer> places) {
        Segment f = unit.first;
        FrameLayout layout = f.layout.withIpEnd(f.payload + unit.payloadBytes);
        int l3 = layout.layer3Offset();
        int l4 = layout.layer4Offset();
        byte[] header = Arrays.copyOf(f.frame, f.payload);
        int transportLength = layout.transportLength();
        if (layout.isIPv4()) {
            put16(header, l3 + 2, layout.layer3Length() + transportLength);
            header[l3 + 6] &= 0x40; // DF as the segments had it, MF clear, offset 0
            header[l3 + 7] = 0;
            header[l3 + 8] = (byte) unit.minTtl;
        } else {
            put16(header, l3 + 4, layout.layer3Length() - 40 + transportLength);
            header[l3 + 7] = (byte) unit.minTtl;
        }
        put32(header, l4 + 8, unit.ack);
        int pushAndFin = settings.profile() == RscProfile.NDIS ? TcpFlags.PSH : TcpFlags.PSH | TcpFlags.FIN;
        header[l4 + 13] = (byte) (f.flags | unit.flagsOr & pushAndFin);
        put16(header, l4 + 14, unit.window);
        if (f.timestamp >= 0) {
            put32(header, f.timestamp, unit.tsval);
            put32(header, f.timestamp + 4, unit.tsecr);
        }
        boolean valuesInvalid = finalizeChecksums(header, layout, unit);
        RscInfo info = info(unit);
        if (unit.dataSegments == 0) {
            // Pure ACKs folded together: no data was coalesced, so NDIS takes it for a plain segment.
            return new RscUnit(new RxIndication(header, layout, RxChecksumEvaluator.evaluate(header, layout, settings.rxChecksum()), info),
                    places);
        }
        RxChecksumEvaluation layer3 = layout.isIPv4() ? RxChecksumEvaluation.VALID : RxChecksumEvaluation.NOT_CHECKED;
        RxChecksum checksum = new RxChecksum(layer3, RxChecksumEvaluation.VALID, valuesInvalid);
        List<Segment> members = unit.members;
        int length = layout.ipEnd();
        return new RscUnit(() -> {
            byte[] frame = Arrays.copyOf(header, length);
            int p = header.length;
            for (Segment m : members) {
                System.arraycopy(m.frame, m.payload, frame, p, m.payloadLength);
                p += m.payloadLength;
            }
            return new RxIndication(frame, layout, checksum, info);
        }, places);
    }

    /**
     * Writes the unit's checksum fields into its headers; true when they are left invalid, as the indication
     * then says.
     */
    private boolean finalizeChecksums(byte[] frame, FrameLayout layout, Unit unit) {
        int l4 = layout.layer4Offset();
        int tcpChecksum = layout.transportChecksumOffset();
        put16(frame, tcpChecksum, 0);
        if (layout.isIPv4()) {
            put16(frame, layout.ipv4ChecksumOffset(), 0);
        }
        int pseudo = InternetChecksum.pseudoHeaderSum(frame, layout, layout.transportLength());
        boolean linux = settings.profile() == RscProfile.LINUX_GRO;
        if (!linux && settings.finalization() == RscChecksumFinalization.VALUE_INVALID && unit.dataSegments > 0) {
            return true; // both fields zeroed, as the documentation allows
        }
        if (layout.isIPv4()) {
            put16(frame, layout.ipv4ChecksumOffset(), FrameChecksums.ipv4HeaderChecksum(frame, layout));
        }
        if (linux) {
            // tcp_gro_complete leaves CHECKSUM_PARTIAL: the field holds the pseudo-header sum only.
            put16(frame, tcpChecksum, pseudo);
            return true;
        }
        int header = InternetChecksum.sum(frame, l4, layout.layer4Length());
        put16(frame, tcpChecksum, InternetChecksum.complement(
                InternetChecksum.add(pseudo, InternetChecksum.add(header, unit.payloadSum))));
        return false;
    }

    private RscInfo info(Unit unit) {
        if (settings.profile() == RscProfile.LINUX_GRO) {
            return new RscInfo(unit.dataSegments, 0, 0);
        }
        long delta = unit.dataSegments > 0 && unit.first.timestamp >= 0 ? (unit.tsval - unit.earliestTsval) & 0xFFFFFFFFL : 0;
        return new RscInfo(unit.dataSegments, unit.dupAcks, delta);
    }

    // ---------------------------------------------------------------- flows

    private int slot(Segment s) {
        int i = s.flowHash & mask;
        while (flowKeys[i] != null && !sameFlow(flowKeys[i], s)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Same link header, addresses and ports: one TCP connection as the adapter sees it. */
    private static boolean sameFlow(Segment a, Segment b) {
        int l2 = a.layout.layer2Length();
        return l2 == b.layout.layer2Length() && a.layout.isIPv4() == b.layout.isIPv4()
                && Arrays.equals(a.frame, 0, l2, b.frame, 0, l2)
                && u32(a.frame, a.layout.layer4Offset()) == u32(b.frame, b.layout.layer4Offset()) // both ports
                && sameAddresses(a, b);
    }

    private static boolean sameAddresses(Segment a, Segment b) {
        if (a.layout.isIPv4() != b.layout.isIPv4()) {
            return false;
        }
        int from = a.layout.isIPv4() ? 12 : 8;
        int length = a.layout.isIPv4() ? 8 : 32;
        int x = a.layout.layer3Offset() + from;
        int y = b.layout.layer3Offset() + from;
        return Arrays.equals(a.frame, x, x + length, b.frame, y, y + length);
    }

    /**
     * The IP fields every folded segment must share (spec 3.2 finalization, RSC-12): IPv4 DSCP and DF; IPv6
     * Traffic Class DSCP bits and Flow Label, and (Linux) identical extension headers. ECN is exception 8.
     */
    private static boolean sameIpFields(Segment a, Segment b) {
        int x = a.layout.layer3Offset();
        int y = b.layout.layer3Offset();
        if (a.layout.isIPv4()) {
            return (u8(a.frame, x + 1) & 0xFC) == (u8(b.frame, y + 1) & 0xFC) && dontFragment(a) == dontFragment(b);
        }
        return (u32(a.frame, x) & 0xFFCFFFFFL) == (u32(b.frame, y) & 0xFFCFFFFFL)
                && a.layout.layer3Length() == b.layout.layer3Length()
                && Arrays.equals(a.frame, x + 40, a.layout.layer4Offset(), b.frame, y + 40, b.layout.layer4Offset());
    }

    private static int ecn(Segment s) {
        int l3 = s.layout.layer3Offset();
        return s.layout.isIPv4() ? u8(s.frame, l3 + 1) & 3 : (int) (u32(s.frame, l3) >>> 20) & 3;
    }

    private static int ttl(Segment s) {
        return u8(s.frame, s.layout.layer3Offset() + (s.layout.isIPv4() ? 8 : 7));
    }

    private static int ipId(Segment s) {
        return u16(s.frame, s.layout.layer3Offset() + 4);
    }

    private static boolean dontFragment(Segment s) {
        return (u8(s.frame, s.layout.layer3Offset() + 6) & 0x40) != 0;
    }

    private static int swapBytes(int sum) {
        return (sum & 0xFF) << 8 | sum >>> 8;
    }

    // ---------------------------------------------------------------- parsed frames

    private enum Kind { TCP, FRAGMENT, OTHER }

    /** One received frame, parsed once, with the TCP fields the rules read. */
    private static final class Segment {
        final int index;
        final byte[] frame;
        final FrameLayout layout;
        final Kind kind;
        int payload;
        int payloadLength;
        long seq;
        long ack;
        int window;
        int flags;
        int reservedBits;
        /** Offset of TSval, or -1 without a timestamp option. */
        int timestamp = -1;
        boolean otherOptions;
        boolean checksumsVerify;
        boolean ipv6ExtensionsGroCanPull;
        int payloadSum;
        int flowHash;
        /** Its connection's place in the flow table, found when its unit is looked up. */
        int slot;

        Segment(int index, byte[] frame) {
            this.index = index;
            this.frame = frame;
            ParseResult parsed = FrameParser.parse(frame);
            this.layout = parsed instanceof FrameLayout l ? l : null;
            if (layout == null || !(layout.isIPv4() || layout.isIPv6())) {
                kind = Kind.OTHER;
                return;
            }
            if (layout.layer4Type() == Layer4Type.IP_FRAGMENT) {
                kind = Kind.FRAGMENT;
                return;
            }
            if (!layout.isTcp()) {
                kind = Kind.OTHER;
                return;
            }
            kind = Kind.TCP;
            int l4 = layout.layer4Offset();
            payload = layout.payloadOffset();
            payloadLength = layout.payloadLength();
            seq = u32(frame, l4 + 4);
            ack = u32(frame, l4 + 8);
            reservedBits = u8(frame, l4 + 12) & 0x0F;
            flags = u8(frame, l4 + 13);
            window = u16(frame, l4 + 14);
            readOptions(l4 + 20, payload);
            ipv6ExtensionsGroCanPull = layout.isIPv6() && extensionsGroCanPull();
            flowHash = hash();
        }

        /**
         * Without IPv4 options or IPv6 extension headers the addresses are the last bytes of the IP header, so
         * they and the TCP header are summed as one range: a segment's checksum is checked in three sums.
         */
        private int pseudoHeaderWithoutLengthAndTcpHeaderSum() {
            int l4 = layout.layer4Offset();
            if (layout.layer3Type() == Layer3Type.IPV4_NO_OPTIONS || layout.layer3Type() == Layer3Type.IPV6_NO_EXTENSIONS) {
                int addresses = layout.layer3Offset() + (layout.isIPv4() ? 12 : 8);
                return InternetChecksum.add(InternetChecksum.sum(frame, addresses, l4 + layout.layer4Length() - addresses), layout.ipProtocol());
            }
            return InternetChecksum.add(InternetChecksum.pseudoHeaderSumWithoutLength(frame, layout), InternetChecksum.sum(frame, l4, layout.layer4Length()));
        }

        /** Sums the payload, which the unit's checksum needs too, and checks the segment's checksums with it. */
        void verify() {
            payloadSum = InternetChecksum.sum(frame, payload, payloadLength);
            int headers = InternetChecksum.add(pseudoHeaderWithoutLengthAndTcpHeaderSum(), layout.transportLength());
            checksumsVerify = InternetChecksum.add(headers, payloadSum) == 0xFFFF
                    && (!layout.isIPv4() || FrameChecksums.ipv4HeaderVerifies(frame, layout));
        }

        long tsval() {
            return u32(frame, timestamp);
        }

        private void readOptions(int p, int end) {
            while (p < end) {
                int kind = u8(frame, p);
                if (kind == OPTION_END) {
                    return;
                }
                if (kind == OPTION_NOP) {
                    p++;
                    continue;
                }
                int length = p + 1 < end ? u8(frame, p + 1) : 0;
                if (kind == OPTION_TIMESTAMP && length == 10 && p + 10 <= end && timestamp < 0) {
                    timestamp = p + 2;
                } else {
                    otherOptions = true;
                }
                if (length < 2) {
                    return;
                }
                p += length;
            }
        }

        /** Linux pulls hop-by-hop, routing and destination options headers; a fragment header stops GRO. */
        private boolean extensionsGroCanPull() {
            int next = u8(frame, layout.layer3Offset() + 6);
            int p = layout.layer3Offset() + 40;
            while (p < layout.layer4Offset()) {
                if (next != 0 && next != 43 && next != 60) {
                    return false;
                }
                next = u8(frame, p);
                p += (u8(frame, p + 1) + 1) * 8;
            }
            return true;
        }

        private int hash() {
            int h = u16(frame, layout.layer4Offset()) * 31 + u16(frame, layout.layer4Offset() + 2);
            int from = layout.layer3Offset() + (layout.isIPv4() ? 12 : 8);
            int to = from + (layout.isIPv4() ? 8 : 32);
            for (int i = from; i < to; i += 4) {
                h = h * 0x9E3779B1 + (int) u32(frame, i);
            }
            return h ^ h >>> 16;
        }
    }

    /** The tracked unit of one connection (H in the flowcharts). */
    private static final class Unit {
        final Segment first;
        final List<Segment> members = new ArrayList<>(8);
        boolean open = true;
        int dataSegments;
        int dupAcks;
        long nxt;
        long ack;
        int window;
        int flagsOr;
        int minTtl;
        long tsval;
        long tsecr;
        final long earliestTsval;
        int payloadBytes;
        int payloadSum;
        boolean fixedIpId;

        Unit(Segment first) {
            this.first = first;
            members.add(first);
            nxt = first.seq;
            ack = first.ack;
            window = first.window;
            minTtl = ttl(first);
            earliestTsval = first.timestamp >= 0 ? first.tsval() : 0;
            tsval = earliestTsval;
            tsecr = first.timestamp >= 0 ? u32(first.frame, first.timestamp + 4) : 0;
            if (first.payloadLength > 0) {
                payloadBytes = first.payloadLength;
                payloadSum = first.payloadSum;
                dataSegments = 1;
                nxt = (first.seq + first.payloadLength) & 0xFFFFFFFFL;
            }
        }
    }
}
