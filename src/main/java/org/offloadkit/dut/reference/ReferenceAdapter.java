package org.offloadkit.dut.reference;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.packet.Bytes;
import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.GsoRequest;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumOffload;
import org.offloadkit.spec.TxCounters;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * An adapter whose "hardware" is the kit's reference engines: it does every offload exactly as the spec
 * says. It advertises every Tx checksum shape with a layer 4 header offset limit of 255 bytes, as an
 * 8-bit descriptor field would allow, so every run also exercises the framework's software fallback. It
 * coalesces TCP over IPv4 and IPv6, timestamps included, per receive batch under the active set it was
 * called back with.
 *
 * <p>Segmentation: LSO and USO over IPv4 and IPv6, with IPv4 options, IPv6 extension headers and TCP
 * options, up to {@value #MAXIMUM_OFFLOAD_SIZE} user bytes a send (LSOv1's ceiling, and what NICs commonly
 * take) in at least {@value #MINIMUM_SEGMENT_COUNT} segments (a send of one segment is a plain packet), a
 * USO send may end in a short datagram, and the same 255-byte layer 4 header offset limit, so the
 * framework's software segmentation runs in every suite run too. It keeps transmit counters.
 *
 * <p>What it advertises comes from four hooks a subclass narrows ({@link ProfileAdapter} does, from a profile
 * file); it keeps to what it advertised even when called back with more.
 */
public class ReferenceAdapter implements DeviceUnderTest, Datapath {

    /** The layer 4 header offset limit advertised: what an 8-bit descriptor field can hold. */
    public static final int LAYER4_HEADER_OFFSET_LIMIT = 255;
    /** The most user bytes in one large send: 64 KiB. */
    public static final long MAXIMUM_OFFLOAD_SIZE = 65536;
    /** The fewest segments a large send may make. */
    public static final long MINIMUM_SEGMENT_COUNT = 2;

    private volatile TxChecksumOffload activeTx = TxChecksumOffload.NONE;
    private volatile RxChecksumOffload activeRx = RxChecksumOffload.NONE;
    private volatile RscOffload activeRsc = RscOffload.NONE;
    private volatile GsoOffload activeGso = GsoOffload.NONE;
    private final AtomicReference<TxCounters> sent = new AtomicReference<>(TxCounters.ZERO);
    private volatile GsoSegmenter.Limits gsoLimits;

    @Override
    public void initialize(NetAdapter adapter) {
        TxChecksumCapabilities tx = txChecksumCapabilities();
        if (tx != null) {
            adapter.setTxChecksumCapabilities(new TxChecksumCapabilities(tx.size(), tx.shapes(), active -> activeTx = active));
        }
        if (rxChecksum()) {
            adapter.setRxChecksumCapabilities(RxChecksumCapabilities.of(active -> activeRx = active));
        }
        RscCapabilities rsc = rscCapabilities();
        if (rsc != null) {
            adapter.setRscCapabilities(new RscCapabilities(rsc.size(), rsc.layer3Flags(), rsc.layer4Flags(), rsc.tcpTimestampOption(),
                    active -> activeRsc = within(active, rsc)));
        }
        GsoCapabilities gso = gsoCapabilities();
        if (gso != null) {
            gsoLimits = GsoSegmenter.Limits.of(gso.shapes(), gso.subMssFinalSegmentSupported());
            adapter.setGsoCapabilities(new GsoCapabilities(gso.size(), gso.shapes(), active -> activeGso = active,
                    gso.subMssFinalSegmentSupported()));
        }
        adapter.setDatapath(this);
    }

    /** The Tx checksum this adapter advertises (the callback is its own), or null for none. */
    protected TxChecksumCapabilities txChecksumCapabilities() {
        return TxChecksumCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, 0, LAYER4_HEADER_OFFSET_LIMIT, null);
    }

    /** Whether this adapter registers Rx checksum. */
    protected boolean rxChecksum() {
        return true;
    }

    /** The coalescing this adapter advertises, and keeps to (the callback is its own), or null for none. */
    protected RscCapabilities rscCapabilities() {
        return RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), true, null);
    }

    /** The segmentation this adapter advertises, and keeps to (the callback is its own), or null for none. */
    protected GsoCapabilities gsoCapabilities() {
        return GsoCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, MAXIMUM_OFFLOAD_SIZE, MINIMUM_SEGMENT_COUNT,
                LAYER4_HEADER_OFFSET_LIMIT, null).withSubMssFinalSegmentSupported();
    }

    /**
     * A driver keeps to what it advertised, even when the framework calls it back with more, as NetAdapterCx 2100
     * does at start and resume (spec 7 item 2).
     */
    private static RscOffload within(RscOffload active, RscCapabilities advertised) {
        Set<Layer3Flag> layer3 = new HashSet<>(active.layer3Flags());
        layer3.retainAll(advertised.layer3Flags());
        Set<Layer4Flag> layer4 = new HashSet<>(active.layer4Flags());
        layer4.retainAll(advertised.layer4Flags());
        return new RscOffload(layer3, layer4, active.tcpTimestampOption() && advertised.tcpTimestampOption());
    }

    /** The active sets the framework last called back with. */
    public TxChecksumOffload activeTx() {
        return activeTx;
    }

    public RxChecksumOffload activeRx() {
        return activeRx;
    }

    public RscOffload activeRsc() {
        return activeRsc;
    }

    public GsoOffload activeGso() {
        return activeGso;
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        TxResult result = packet.gso().segments() ? segment(packet)
                : TxResult.sent(TxChecksumEngine.apply(packet.frame(), packet.layout(), packet.checksum()));
        sent.accumulateAndGet(TxCounters.of(result.frames()), TxCounters::plus);
        completion.send(result);
    }

    /**
     * The large send as this hardware's segmentation engine puts it on the wire; a request beyond what it
     * advertised fails before any frame leaves.
     */
    protected TxResult segment(TxPacket packet) {
        Segmentation segmentation = GsoSegmenter.segment(packet.frame(), largeSend(packet), gsoLimits, GsoSegmenter.Checksums.FINISHED);
        return segmentation instanceof Segmentation.Segments s ? TxResult.sent(s.frames())
                : TxResult.failed(segmentation.toString(), List.of());
    }

    /**
     * A driver sees ms_packet_gso only, not the stack's LSO version: an IPv4 template with a Total Length of 0
     * is LSOv2, with its full length LSOv1 (spec 2.2).
     */
    protected static LargeSend largeSend(TxPacket packet) {
        GsoRequest gso = packet.gso();
        if (gso.kind() == GsoRequest.Kind.UDP) {
            return LargeSend.uso(gso.mss());
        }
        boolean totalLengthZero = packet.layout().isIPv4() && Bytes.u16(packet.frame(), packet.layout().layer3Offset() + 2) == 0;
        return packet.layout().isIPv4() && !totalLengthZero ? LargeSend.lsoV1(gso.mss()) : LargeSend.lsoV2(gso.mss());
    }

    @Override
    public Optional<TxCounters> transmitCounters() {
        return Optional.of(sent.get());
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        indications.send(coalesce(batch.frames()).stream().map(RscUnit::indication).toList());
    }

    /** The batch through the reference coalescer under the active sets, each indication with the frames it stands for. */
    protected List<RscUnit> coalesce(List<byte[]> frames) {
        return RscCoalescer.coalesce(frames, RscSettings.ndis(activeRsc, activeRx));
    }
}
