package org.offloadkit.framework;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.ChecksumSwitches;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.GsoRequest;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.GsoTarget;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RscTarget;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadCallback;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumOffload;
import org.offloadkit.spec.TxChecksumShapes;
import org.offloadkit.spec.TxCounters;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * The framework's side of one adapter: its life cycle, the verifier, the capability sets, the stack's
 * requests, and the routing of every packet between the driver and the software fallback.
 *
 * <p>Every call into driver code (initialization, callbacks, datapath) runs on one driver thread, in
 * order; the harness thread only awaits answers. Initialization and callbacks run at PASSIVE_LEVEL, the
 * datapath at DISPATCH_LEVEL ({@link Irql}). A driver stuck in a call does not stall the harness: later
 * operations fail at once as DUT faults.
 *
 * <p>Life cycle: initialize (the driver advertises) -> start -> pause and resume of the offloads (the
 * driver's NetAdapterPause/ResumeOffloadCapabilities) -> stop. Where the documents and NetAdapterCx 2100
 * part, the {@link FrameworkProfile} decides.
 */
public final class AdapterHost implements AutoCloseable {

    private enum State { CREATED, STARTED, PAUSED, STOPPED, CRASHED }

    private final String name;
    private final Keywords keywords;
    private final FrameworkProfile profile;
    private final Duration timeout;
    private final ExecutorService driverThread;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final FallbackCounts fallback = new FallbackCounts();
    private final NetAdapter handle = new Handle();

    private volatile State state = State.CREATED;
    private volatile BugCheck bugCheck;
    private volatile Advertisement advertisement = Advertisement.NOTHING;
    private volatile Datapath datapath;
    private volatile ChecksumCapabilitySets checksumSets;
    private volatile ChecksumSwitches checksumSwitches;
    private volatile GsoCapabilitySets gsoSets;
    private volatile Set<GsoTarget> gsoSwitches;
    private volatile RscCapabilitySets rscSets;
    private volatile Set<RscTarget> rscSwitches;
    private final List<OffloadConfigIndication> configIndications = new ArrayList<>();
    private volatile List<OffloadConfigIndication> attributes = List.of();
    private volatile List<PacketExtension> extensions = List.of();
    private final List<CallbackDelivery> callbacks = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Irql> irql = ThreadLocal.withInitial(() -> Irql.PASSIVE_LEVEL);

    private volatile String busyWith;
    private volatile long busySince;

    public AdapterHost(String name, Keywords keywords, Duration timeout) {
        this(name, keywords, timeout, FrameworkProfile.DOCUMENTED);
    }

    public AdapterHost(String name, Keywords keywords, Duration timeout, FrameworkProfile profile) {
        this.name = name;
        this.keywords = keywords;
        this.profile = profile;
        this.timeout = timeout;
        this.driverThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "driver-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public String name() {
        return name;
    }

    public Duration timeout() {
        return timeout;
    }

    public Keywords keywords() {
        return keywords;
    }

    public FrameworkProfile profile() {
        return profile;
    }

    /** Runs the driver's initialization (EvtDevicePrepareHardware) on the driver thread and awaits it. */
    public void initialize(Consumer<NetAdapter> driverInitialization) {
        Pending<Boolean> done = new Pending<>("initialization of " + name, timeout);
        callDriver("initialize", done, Irql.PASSIVE_LEVEL, () -> {
            driverInitialization.accept(handle);
            done.reply().send(true);
        });
        done.await();
    }

    /**
     * NetAdapterStart: registers the packet extensions the advertisement needs (CAP-14), computes the
     * capability sets, sets NDIS's attributes (hardware = the software set, current = the default set) and
     * calls each registered callback once with the default set, before any traffic (ACT-01); returns when the
     * callbacks have returned. The documented behaviour narrows that set to the hardware; 2100 does not.
     */
    public void start() {
        checkUsable();
        if (datapath == null) {
            throw new DutFault(name + " registered no datapath during initialization");
        }
        Advertisement ad = advertisement;
        TxChecksumShapes hardwareTx = ad.txChecksum() == null ? TxChecksumShapes.NONE : ad.txChecksum().shapes();
        checksumSets = new ChecksumCapabilitySets(hardwareTx, ad.rxChecksum() != null, keywords);
        checksumSwitches = checksumSets.defaults();
        gsoSets = new GsoCapabilitySets(ad.gso() == null ? GsoShapes.NONE : ad.gso().shapes(), keywords);
        gsoSwitches = gsoSets.defaults();
        rscSets = new RscCapabilitySets(ad.rsc(), keywords);
        rscSwitches = rscSets.defaults();
        extensions = packetExtensions(ad);
        attributes = List.of(hardwareView(), currentView());
        state = State.STARTED;
        dispatchStored("start").await();
    }

    /** CAP-14: ms_packet_checksum once for any checksum registration, and one extension per other offload. */
    private static List<PacketExtension> packetExtensions(Advertisement ad) {
        List<PacketExtension> registered = new ArrayList<>();
        if (ad.txChecksum() != null || ad.rxChecksum() != null) {
            registered.add(PacketExtension.CHECKSUM);
        }
        if (ad.gso() != null) {
            registered.add(PacketExtension.GSO);
        }
        if (ad.rsc() != null) {
            registered.add(PacketExtension.RSC);
            if (ad.rsc().tcpTimestampOption()) {
                registered.add(PacketExtension.RSC_TIMESTAMP);
            }
        }
        return List.copyOf(registered);
    }

    /** What NDIS is shown as the hardware's: the software sets (KW-01, KW-02, CAP-13). */
    private OffloadConfigIndication hardwareView() {
        return new OffloadConfigIndication(OffloadConfigIndication.Status.HARDWARE_CAPABILITIES,
                checksumSets.hasSoftwareTx() ? checksumSets.requestedTx(ChecksumSwitches.ALL) : TxChecksumOffload.NONE,
                checksumSets.activeRx(ChecksumSwitches.ALL), gsoSets.requested(Set.of(GsoTarget.values())), rscSets.software());
    }

    /** What NDIS is shown as current: the switches over the software sets. */
    private OffloadConfigIndication currentView() {
        return new OffloadConfigIndication(OffloadConfigIndication.Status.CURRENT_CONFIG, checksumSets.requestedTx(checksumSwitches),
                activeRxChecksum(), gsoSets.requested(gsoSwitches), rscSets.requested(rscSwitches));
    }

    /** What the framework has done in software for this adapter so far. */
    public FallbackCounts fallbackCounts() {
        return fallback;
    }

    /** The packet extensions registered at start. */
    public List<PacketExtension> packetExtensions() {
        return extensions;
    }

    /** NdisMSetMiniportAttributes at start: the hardware view, then the current one. */
    public List<OffloadConfigIndication> miniportAttributes() {
        return attributes;
    }

    /** Every round of callbacks the framework made, in order. */
    public List<CallbackDelivery> callbackDeliveries() {
        return List.copyOf(callbacks);
    }

    /** True between the driver's NetAdapterPauseOffloadCapabilities and its NetAdapterResumeOffloadCapabilities. */
    public boolean paused() {
        return state == State.PAUSED;
    }

    public Advertisement advertisement() {
        return advertisement;
    }

    public Optional<BugCheck> bugCheck() {
        return Optional.ofNullable(bugCheck);
    }

    public ChecksumCapabilitySets checksumSets() {
        return checksumSets;
    }

    public ChecksumSwitches checksumSwitches() {
        return checksumSwitches;
    }

    public TxChecksumOffload activeTxChecksum() {
        return checksumSets.activeTx(checksumSwitches);
    }

    public RxChecksumOffload activeRxChecksum() {
        return checksumSets.activeRx(checksumSwitches);
    }

    public GsoCapabilitySets gsoSets() {
        return gsoSets;
    }

    public GsoOffload activeGso() {
        return gsoSets.active(gsoSwitches);
    }

    /** The large sends the stack has switched on; the framework drops the others (GSO-TCP-13). */
    public Set<GsoTarget> gsoSwitches() {
        return gsoSwitches;
    }

    /** Where the framework sends a large send's segmentation, without sending it. */
    public GsoRoute gsoRoute(FrameLayout layout, LargeSend send) {
        return GsoRoute.of(layout, send.gso(), gsoSets.hardware());
    }

    public RscCapabilitySets rscSets() {
        return rscSets;
    }

    public RscOffload activeRsc() {
        return rscSets.active(rscSwitches);
    }

    /** NetAdapterCx's software RSC under the current switches: IP versions on that the hardware leaves out. */
    public SoftwareRsc softwareRsc() {
        return SoftwareRsc.of(rscSets, rscSwitches);
    }

    public synchronized List<OffloadConfigIndication> configIndications() {
        return List.copyOf(configIndications);
    }

    /** The hardware capabilities the routing reads. */
    public TxChecksumShapes hardwareTxChecksum() {
        return checksumSets.hardwareTx();
    }

    /** Where the framework sends a packet's checksum work, without sending it. */
    public ChecksumRoute route(FrameLayout layout, TxChecksum request) {
        return ChecksumRoute.of(layout, request, checksumSets.hardwareTx());
    }

    /**
     * The stack sends a packet: the framework computes in software what the hardware cannot (the driver
     * then sees Passthrough) and hands the rest to the driver's transmit queue.
     */
    public Transmission transmit(byte[] frame, FrameLayout layout, TxChecksum request) {
        checkStarted();
        return handToDriver(frame, layout, request, GsoRequest.NONE);
    }

    /**
     * The stack sends a large send (LSOv1, LSOv2 or USO). The framework drops it when the stack has switched
     * that offload off (GSO-TCP-13, spec 2.4 item 8); segments it in software when the hardware cannot (spec
     * 5.8(a)), handing the driver each segment with Mss 0 and a re-derived checksum request, which then takes
     * the checksum route like any packet (GSO-FB-01, GSO-FB-02); and otherwise hands it over whole with its
     * ms_packet_gso.
     */
    public GsoTransmission transmit(byte[] frame, FrameLayout layout, TxChecksum request, LargeSend send) {
        checkStarted();
        GsoRoute route = gsoRoute(layout, send);
        if (send.mss() != 0 && (layout.isIPv4() || layout.isIPv6())) {
            GsoTarget target = GsoTarget.of(send.flavor().isLso(), layout.isIPv4());
            if (!gsoSwitches.contains(target)) {
                return GsoTransmission.dropped(frame, layout, send, route, "dropped by the framework: the stack has switched "
                        + target + " off");
            }
        }
        if (!route.software()) {
            return new GsoTransmission(frame, layout, send, route, List.of(handToDriver(frame, layout, request, send.gso())), null);
        }
        fallback.segmented();
        Segmentation segmentation = GsoSegmenter.segment(frame, send, GsoSegmenter.Limits.UNCHECKED, GsoSegmenter.Checksums.SEEDED);
        if (!(segmentation instanceof Segmentation.Segments segments)) {
            return GsoTransmission.dropped(frame, layout, send, route, "dropped by the framework: its software segmentation failed: "
                    + segmentation);
        }
        List<Transmission> packets = new ArrayList<>(segments.frames().size());
        for (byte[] segment : segments.frames()) {
            FrameLayout segmentLayout = FrameParser.parse(segment).layout();
            packets.add(handToDriver(segment, segmentLayout, GsoRoute.segmentChecksum(segment, segmentLayout), GsoRequest.NONE));
        }
        return new GsoTransmission(frame, layout, send, route, packets, null);
    }

    /**
     * OID_GEN_STATISTICS: the transmit counters the driver keeps, asked on the driver thread; empty when it
     * keeps none.
     */
    public Optional<TxCounters> transmitCounters() {
        checkStarted();
        Pending<Optional<TxCounters>> counters = new Pending<>("transmit counters", timeout);
        Datapath queue = datapath;
        callDriver("transmit counters", counters, Irql.PASSIVE_LEVEL, () -> counters.reply().send(queue.transmitCounters()));
        return counters.await();
    }

    /** Computes in software the checksums the hardware cannot and hands the packet to the driver's transmit queue. */
    private Transmission handToDriver(byte[] frame, FrameLayout layout, TxChecksum request, GsoRequest gso) {
        ChecksumRoute route = route(layout, request);
        byte[] handed = frame.clone();
        TxChecksum handedRequest = request;
        if (route.software()) {
            fallback.checksummed();
            TxChecksumEngine.applyInPlace(handed, layout, request);
            handedRequest = TxChecksum.PASSTHROUGH;
        }
        TxPacket packet = new TxPacket(sequence.incrementAndGet(), handed, layout, handedRequest, gso);
        Pending<TxResult> result = new Pending<>("transmit of packet #" + packet.sequence(), timeout);
        TxPacket driverCopy = new TxPacket(packet.sequence(), handed.clone(), layout, handedRequest, gso);
        Datapath queue = datapath;
        callDriver("transmit #" + packet.sequence(), result, Irql.DISPATCH_LEVEL, () -> queue.transmit(driverCopy, result.reply()));
        return new Transmission(frame, layout, request, route, packet, result);
    }

    /** Frames arrive from the wire as one batch; the driver indicates them (and the framework may coalesce after it). */
    public Reception receive(List<byte[]> frames) {
        checkStarted();
        RxBatch batch = new RxBatch(sequence.incrementAndGet(), frames.stream().map(byte[]::clone).toList());
        Pending<List<RxIndication>> indications =
                new Pending<>("receive of batch #" + batch.sequence(), timeout);
        Datapath queue = datapath;
        callDriver("receive #" + batch.sequence(), indications, Irql.DISPATCH_LEVEL, () -> queue.receive(batch, indications.reply()));
        return new Reception(batch, indications, softwareRsc(), fallback);
    }

    /** The outcome of an OID_TCP_OFFLOAD_PARAMETERS request, and the callbacks it caused. */
    public record StackRequest(NdisStatus status, Pending<Boolean> callbacks) {}

    /**
     * OID_TCP_OFFLOAD_PARAMETERS: on success the framework stores the new switches, indicates
     * NDIS_STATUS_TASK_OFFLOAD_CURRENT_CONFIG and calls the driver back with its new active set, narrowed to
     * the hardware (ACT-04). Under 2100 the RSC TcpTimestampOption is then the hardware's, whatever
     * *RscTimestamp says (spec 7 item 2).
     */
    public StackRequest request(OffloadParameters parameters) {
        checkStarted();
        Requested<ChecksumSwitches> checksum = checksumSets.request(checksumSwitches, parameters, profile);
        Requested<Set<GsoTarget>> gso = gsoSets.request(gsoSwitches, parameters, profile);
        Requested<Set<RscTarget>> rsc = rscSets.request(rscSwitches, parameters);
        NdisStatus status = parameters.length() < OffloadParameters.REVISION_3_SIZE ? NdisStatus.INVALID_PARAMETER
                : Stream.of(checksum.status(), gso.status(), rsc.status()).filter(s -> s != NdisStatus.SUCCESS)
                        .findFirst().orElse(NdisStatus.SUCCESS);
        if (status != NdisStatus.SUCCESS) {
            Pending<Boolean> none = new Pending<>("no callbacks", timeout);
            none.reply().send(true);
            return new StackRequest(status, none);
        }
        checksumSwitches = checksum.switches();
        gsoSwitches = gso.switches();
        rscSwitches = rsc.switches();
        synchronized (this) {
            configIndications.add(currentView());
        }
        Set<RscTarget> rscDispatched = rscSwitches;
        if (profile == FrameworkProfile.NETADAPTERCX_2100) {
            rscDispatched = java.util.EnumSet.of(RscTarget.TCP_TIMESTAMP);
            rscDispatched.addAll(rscSwitches);
        }
        return new StackRequest(NdisStatus.SUCCESS, dispatch(parameters.toString(),
                activeTxChecksum(), activeRxChecksum(), activeGso(), rscSets.active(rscDispatched)));
    }

    /** The stored switches dispatched at start and resume: narrowed to the hardware as documented, unmasked by 2100. */
    private Pending<Boolean> dispatchStored(String why) {
        if (profile == FrameworkProfile.NETADAPTERCX_2100) {
            return dispatch(why, checksumSets.requestedTx(checksumSwitches), activeRxChecksum(), gsoSets.requested(gsoSwitches),
                    rscSets.requested(rscSwitches));
        }
        return dispatch(why, activeTxChecksum(), activeRxChecksum(), activeGso(), activeRsc());
    }

    private Pending<Boolean> dispatch(String why, TxChecksumOffload tx, RxChecksumOffload rx, GsoOffload gso, RscOffload rsc) {
        Advertisement ad = advertisement;
        Pending<Boolean> delivered = new Pending<>("offload callbacks after " + why, timeout);
        callDriver("offload callbacks after " + why, delivered, Irql.PASSIVE_LEVEL, () -> {
            OffloadCallback<TxChecksumOffload> txCallback = ad.txChecksum() == null ? null : ad.txChecksum().evtSetTxChecksum();
            OffloadCallback<RxChecksumOffload> rxCallback = ad.rxChecksum() == null ? null : ad.rxChecksum().evtSetRxChecksum();
            OffloadCallback<GsoOffload> gsoCallback = ad.gso() == null ? null : ad.gso().evtSetGso();
            OffloadCallback<RscOffload> rscCallback = ad.rsc() == null ? null : ad.rsc().evtSetRsc();
            callbacks.add(new CallbackDelivery(why, rounds.incrementAndGet(), txCallback == null ? null : tx,
                    rxCallback == null ? null : rx, gsoCallback == null ? null : gso, rscCallback == null ? null : rsc));
            if (txCallback != null) {
                txCallback.onActiveCapabilities(tx);
            }
            if (rxCallback != null) {
                rxCallback.onActiveCapabilities(rx);
            }
            if (gsoCallback != null) {
                gsoCallback.onActiveCapabilities(gso);
            }
            if (rscCallback != null) {
                rscCallback.onActiveCapabilities(rsc);
            }
            delivered.reply().send(true);
        });
        return delivered;
    }

    /**
     * NetAdapterPauseOffloadCapabilities (ACT-06): NDIS is shown empty hardware and current sets, and every
     * callback is called with zeros. The callbacks come on the driver thread after the call returns.
     */
    private void pauseOffloads() {
        state = State.PAUSED;
        synchronized (this) {
            configIndications.add(OffloadConfigIndication.empty(OffloadConfigIndication.Status.HARDWARE_CAPABILITIES));
            configIndications.add(OffloadConfigIndication.empty(OffloadConfigIndication.Status.CURRENT_CONFIG));
        }
        dispatch("pause", TxChecksumOffload.NONE, RxChecksumOffload.NONE, GsoOffload.NONE, RscOffload.NONE);
    }

    /** NetAdapterResumeOffloadCapabilities (ACT-06): the stored sets dispatched again, both views indicated again. */
    private void resumeOffloads() {
        state = State.STARTED;
        synchronized (this) {
            configIndications.add(hardwareView());
            configIndications.add(currentView());
        }
        dispatchStored("resume");
    }

    private void callDriver(String what, Pending<?> answer, Irql level, Runnable call) {
        String stuck = busyWith;
        if (stuck != null && System.nanoTime() - busySince > timeout.toNanos()) {
            answer.fail(new DutFault(name + " is still inside " + stuck + " after "
                    + (System.nanoTime() - busySince) / 1_000_000 + " ms; " + what + " not attempted"));
            return;
        }
        driverThread.execute(() -> {
            busySince = System.nanoTime();
            busyWith = what;
            irql.set(level);
            try {
                call.run();
            } catch (BugCheckException e) {
                answer.fail(new DutFault(what + " raised " + e.bugCheck(), e));
            } catch (DutFault e) {
                answer.fail(new DutFault(what + ": " + e.getMessage().substring(DutFault.PREFIX.length()), e));
            } catch (RuntimeException | Error e) {
                answer.fail(new DutFault(what + " threw " + e, e));
            } finally {
                irql.set(Irql.PASSIVE_LEVEL);
                busyWith = null;
            }
        });
    }

    private void checkUsable() {
        if (state == State.CRASHED) {
            throw new DutFault(name + " stopped on " + bugCheck);
        }
        if (state == State.STOPPED) {
            throw new IllegalStateException(name + " is stopped");
        }
    }

    private void checkStarted() {
        checkUsable();
        if (state != State.STARTED && state != State.PAUSED) {
            throw new IllegalStateException(name + " is not started");
        }
    }

    private void raise(BugCheck check) {
        bugCheck = check;
        state = State.CRASHED;
        throw new BugCheckException(check);
    }

    @Override
    public void close() {
        if (state != State.CRASHED) {
            state = State.STOPPED;
        }
        driverThread.shutdown();
        try {
            driverThread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        driverThread.shutdownNow();
    }

    /**
     * The IRQL of the calling code: the driver thread's current level; another thread of the driver's own
     * (a work item) is taken to be at PASSIVE_LEVEL, which the kit cannot see otherwise.
     */
    private Irql callerIrql() {
        return irql.get();
    }

    private void verify(Optional<BugCheck> check) {
        check.ifPresent(this::raise);
    }

    /** What the driver holds: every call goes through the verifier first. */
    private final class Handle implements NetAdapter {
        @Override
        public void setTxChecksumCapabilities(TxChecksumCapabilities capabilities) {
            String what = "NetAdapterOffloadSetTxChecksumCapabilities";
            verify(Verifier.passive(callerIrql(), what));
            verify(Verifier.notStarted(state != State.CREATED, what));
            verify(Verifier.size(capabilities.size(), TxChecksumCapabilities.SIZE, what));
            verify(Verifier.txChecksum(capabilities.shapes()));
            advertisement = advertisement.withTxChecksum(capabilities);
        }

        @Override
        public void setRxChecksumCapabilities(RxChecksumCapabilities capabilities) {
            String what = "NetAdapterOffloadSetRxChecksumCapabilities";
            verify(Verifier.passive(callerIrql(), what));
            verify(Verifier.notStarted(state != State.CREATED, what));
            verify(Verifier.size(capabilities.size(), RxChecksumCapabilities.SIZE, what));
            advertisement = advertisement.withRxChecksum(capabilities);
        }

        @Override
        public void setGsoCapabilities(GsoCapabilities capabilities) {
            String what = "NetAdapterOffloadSetGsoCapabilities";
            verify(Verifier.passive(callerIrql(), what));
            verify(Verifier.notStarted(state != State.CREATED, what));
            verify(Verifier.size(capabilities.size(), GsoCapabilities.SIZE, what));
            verify(Verifier.gso(capabilities.shapes()));
            advertisement = advertisement.withGso(capabilities);
        }

        @Override
        public void setRscCapabilities(RscCapabilities capabilities) {
            String what = "NetAdapterOffloadSetRscCapabilities";
            verify(Verifier.passive(callerIrql(), what));
            verify(Verifier.notStarted(state != State.CREATED, what));
            verify(Verifier.size(capabilities.size(), RscCapabilities.SIZE, what));
            advertisement = advertisement.withRsc(capabilities);
        }

        @Override
        public void pauseOffloadCapabilities() {
            String what = "NetAdapterPauseOffloadCapabilities";
            verify(Verifier.passive(callerIrql(), what));
            verify(Verifier.started(state == State.STARTED || state == State.PAUSED, what));
            pauseOffloads();
        }

        @Override
        public void resumeOffloadCapabilities() {
            String what = "NetAdapterResumeOffloadCapabilities";
            verify(Verifier.passive(callerIrql(), what));
            verify(Verifier.started(state == State.STARTED || state == State.PAUSED, what));
            verify(Verifier.paused(state == State.PAUSED, what));
            resumeOffloads();
        }

        @Override
        public void setDatapath(Datapath queues) {
            if (state != State.CREATED) {
                throw new IllegalStateException("the datapath is registered during initialization");
            }
            datapath = queues;
        }
    }
}
