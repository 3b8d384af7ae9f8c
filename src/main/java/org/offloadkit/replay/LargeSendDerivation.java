package org.offloadkit.replay;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.offloadkit.corpus.GsoTemplates;
import org.offloadkit.corpus.GsoVector;
import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.LargeSend.Flavor;

/**
 * Large sends rebuilt from the segments a NIC (or the kernel's GSO) made of them: consecutive in-order data
 * segments of one TCP connection (LSOv2), or same-size datagrams of one UDP flow (USO), whose headers are the
 * same but for what segmentation changes (lengths, IPv4 ID, checksums, sequence number, PSH on the last). The
 * first segment's payload size is the MSS; every segment but the last carries exactly that, the last at most
 * that. A run ends at a shorter segment, at PSH, at a gap, at a header change, or at the DUT's
 * MaximumOffloadSize; a run of one segment gives nothing to rebuild.
 *
 * <p>Only a bounded number of flows are followed at once (the least recently seen is closed first), so memory
 * stays bounded whatever the capture.
 */
public final class LargeSendDerivation extends Derivation<GsoVector> {
    static final int MAX_OPEN_FLOWS = 256;

    private final boolean tcp;
    private final int maxUserBytes;
    private final Map<String, Run> open = new LinkedHashMap<>(16, 0.75f, true);

    /** @param maxUserBytes the most user bytes a large send may carry: the DUT's MaximumOffloadSize */
    public LargeSendDerivation(CaptureFrames frames, int groupSize, boolean tcp, int maxUserBytes) {
        super(frames, groupSize);
        this.tcp = tcp;
        this.maxUserBytes = maxUserBytes;
    }

    /** The segments of a flow seen so far that may still be one large send. */
    private static final class Run {
        final byte[] headers;
        final FrameLayout layout;
        final int mss;
        final ByteArrayOutputStream payload = new ByteArrayOutputStream();
        final long firstPacket;
        long lastPacket;
        int segments;
        long nextSeq;
        int lastLength;
        boolean ended;
        boolean psh;

        Run(CapturedFrame f) {
            layout = f.layout();
            headers = Arrays.copyOf(f.frame(), layout.payloadOffset());
            mss = layout.payloadLength();
            firstPacket = f.number();
            nextSeq = layout.isTcp() ? Bytes.u32(f.frame(), layout.layer4Offset() + 4) : 0;
            append(f);
        }

        void append(CapturedFrame f) {
            FrameLayout l = f.layout();
            payload.write(f.frame(), l.payloadOffset(), l.payloadLength());
            lastPacket = f.number();
            segments++;
            lastLength = l.payloadLength();
            if (l.isTcp()) {
                nextSeq = (nextSeq + l.payloadLength()) & 0xFFFFFFFFL;
                psh = (Bytes.u8(f.frame(), l.layer4Offset() + 13) & TcpFlags.PSH) != 0;
                ended = psh;
            }
            ended |= lastLength < mss;
        }
    }

    @Override
    protected void take(CapturedFrame f) {
        SkipReason reason = f.whyNotAWholeIpPacket();
        if (reason == null && tcp != f.layout().isTcp()) {
            reason = tcp ? SkipReason.NOT_TCP : SkipReason.NOT_UDP;
        }
        if (reason == null && f.layout().payloadLength() == 0) {
            reason = SkipReason.NO_PAYLOAD;
        }
        if (reason == null && tcp && (Bytes.u8(f.frame(), f.layout().layer4Offset() + 13) & ~(TcpFlags.ACK | TcpFlags.PSH)) != 0) {
            reason = SkipReason.OTHER_TCP_FLAGS;
            close(open.remove(flow(f)));
        }
        if (reason != null) {
            skip(reason);
            return;
        }
        String flow = flow(f);
        Run run = open.get(flow);
        if (run != null && continues(run, f)) {
            run.append(f);
            if (run.ended) {
                close(open.remove(flow));
            }
            return;
        }
        close(open.remove(flow));
        Run started = new Run(f);
        if (started.ended) {
            close(started);
            return;
        }
        open.put(flow, started);
        if (open.size() > MAX_OPEN_FLOWS) {
            Iterator<Run> eldest = open.values().iterator();
            Run closing = eldest.next();
            eldest.remove();
            close(closing);
        }
    }

    @Override
    protected void flush() {
        open.values().forEach(this::close);
        open.clear();
    }

    private boolean continues(Run run, CapturedFrame f) {
        FrameLayout l = f.layout();
        if (run.ended || l.payloadOffset() != run.layout.payloadOffset() || l.payloadLength() > run.mss
                || run.payload.size() + l.payloadLength() > maxUserBytes) {
            return false;
        }
        if (l.isTcp() && Bytes.u32(f.frame(), l.layer4Offset() + 4) != run.nextSeq) {
            return false;
        }
        if (l.isUdp() && (Bytes.u16(f.frame(), l.transportChecksumOffset()) == 0) != (Bytes.u16(run.headers, l.transportChecksumOffset()) == 0)) {
            return false;
        }
        return Arrays.equals(templateOf(run.headers, run.layout), templateOf(Arrays.copyOf(f.frame(), l.payloadOffset()), l));
    }

    /** The header bytes segmentation leaves alone: lengths, IPv4 ID, checksums, sequence number and PSH zeroed. */
    private static byte[] templateOf(byte[] headers, FrameLayout l) {
        byte[] t = headers.clone();
        int l3 = l.layer3Offset();
        int l4 = l.layer4Offset();
        if (l.isIPv4()) {
            Bytes.put16(t, l3 + 2, 0);
            Bytes.put16(t, l3 + 4, 0);
            Bytes.put16(t, l3 + 10, 0);
        } else {
            Bytes.put16(t, l3 + 4, 0);
        }
        if (l.isTcp()) {
            Bytes.put32(t, l4 + 4, 0);
            t[l4 + 13] &= (byte) ~TcpFlags.PSH;
        } else {
            Bytes.put16(t, l4 + 4, 0);
        }
        Bytes.put16(t, l.transportChecksumOffset(), 0);
        return t;
    }

    private void close(Run run) {
        if (run == null) {
            return;
        }
        if (run.segments < 2) {
            skip(SkipReason.LONE_SEGMENT, run.segments);
            return;
        }
        byte[] headers = run.headers.clone();
        if (tcp && run.psh) {
            headers[run.layout.layer4Offset() + 13] |= (byte) TcpFlags.PSH;
        }
        Flavor flavor = tcp ? Flavor.LSO_V2 : Flavor.USO;
        boolean udpChecksum = !tcp && Bytes.u16(run.headers, run.layout.transportChecksumOffset()) != 0;
        byte[] template = GsoTemplates.template(headers, run.layout, run.payload.toByteArray(), flavor, udpChecksum || tcp);
        Set<String> tags = new HashSet<>();
        if (!tcp && !udpChecksum) {
            tags.add(GsoVector.NO_UDP_CHECKSUM);
        }
        if (!tcp && run.lastLength < run.mss) {
            tags.add(GsoVector.SUB_MSS_FINAL);
        }
        LargeSend send = tcp ? LargeSend.lsoV2(run.mss) : LargeSend.uso(run.mss);
        String id = frames().name() + "#" + run.firstPacket + "-" + run.lastPacket;
        String name = describe(run.layout) + "-" + run.segments + "-segments";
        emit(new GsoVector(id, name, (int) run.firstPacket, template, FrameParser.parseLargeSend(template).layout(), send, tags),
                run.firstPacket, run.lastPacket, run.segments);
    }

    /** The flow a segment belongs to: IP version, addresses and ports, in this direction. */
    private static String flow(CapturedFrame f) {
        FrameLayout l = f.layout();
        int addresses = l.isIPv4() ? 8 : 32;
        int from = l.layer3Offset() + (l.isIPv4() ? 12 : 8);
        return Bytes.hex(f.frame(), from, addresses) + Bytes.hex(f.frame(), l.layer4Offset(), 4);
    }
}
