package org.offloadkit.dut.linux;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.linux.KernelLink;
import org.offloadkit.linux.NetDevice;
import org.offloadkit.linux.VirtioNetHdr;
import org.offloadkit.linux.VnetFrame;
import org.offloadkit.linux.Wire;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.GsoRequest;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RscInfo;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxChecksumOffload;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * A Linux network device as the adapter under test: its ethtool features are its hardware capabilities,
 * the framework's active sets are switched onto it with ethtool, and its datapath is the kernel's.
 *
 * <p>Transmit: the frame goes out of the device through a packet socket whose virtio-net header asks for
 * what the stack asked (checksum start and offset, GSO type and size); what the peer captures is the wire.
 * A device that is not a wire of its own (veth) hands a GSO unit or a partial checksum on to its peer
 * unfinished, as the header the peer reads says: the kit then has the kernel's software finish it, as a NIC
 * would at the wire. Receive: the batch is sent from the peer back to back and read on the device after
 * its coalescing, each frame's header giving the checksum status and the segments coalesced.
 * docs/linux-adapter.md says what each NetAdapterCx structure becomes and where Linux differs.
 */
public final class LinuxAdapter implements DeviceUnderTest, Datapath {
    private static final Duration DELIVERY = Duration.ofSeconds(3);
    /** How long the kernel may take to show a feature change; ethtool's is immediate on veth. */
    private static final Duration FEATURE_CHANGE = Duration.ofSeconds(5);

    /** How a transmit reached the wire. */
    public enum TxPath {
        /** No offload asked for: the frame as the stack gave it. */
        AS_GIVEN("no offload asked for"),
        /** The device had the feature on and took the offload. */
        DEVICE("the device's offload (its feature on)"),
        /**
         * The device had the feature on and handed the work on unfinished (veth: a GSO unit or a partial
         * checksum to its peer), finished at the wire by the kernel's software.
         */
        DEVICE_FINISHED_AT_WIRE("the device's offload, finished at the wire by the kernel's software (veth has no wire)"),
        /** The device had the feature off: the kernel segmented or checksummed in software before the device. */
        KERNEL_SOFTWARE("the kernel's software before the device (its feature off)");

        public final String description;

        TxPath(String description) {
            this.description = description;
        }
    }

    /** One transmit as the kit saw it: the path taken and what the peer read. */
    public record Transmit(TxPath path, List<VnetFrame> atPeer, List<byte[]> onWire) {}

    private final Ports ports;
    private final NetDevice device;
    private volatile EthtoolCapabilities capabilities;
    private volatile Wire tx;
    private volatile Wire rx;
    private volatile KernelLink finisher;
    private volatile TxChecksumOffload activeTx = TxChecksumOffload.NONE;
    private volatile RxChecksumOffload activeRx = RxChecksumOffload.NONE;
    private volatile GsoOffload activeGso = GsoOffload.NONE;
    private volatile RscOffload activeRsc = RscOffload.NONE;
    private volatile Map<String, Boolean> features = Map.of();
    private volatile Transmit lastTransmit;
    private final Map<TxPath, AtomicLong> paths = new ConcurrentHashMap<>();
    private final List<String> changes = new ArrayList<>();

    LinuxAdapter(Ports ports) {
        this.ports = ports;
        this.device = ports.device;
    }

    @Override
    public void initialize(NetAdapter adapter) {
        capabilities = new EthtoolCapabilities(device.featureStates(), device.gsoMaxSize());
        features = device.features();
        tx = Wire.between(device, ports.peer, DELIVERY);
        rx = Wire.between(ports.peer, device, DELIVERY);
        finisher = KernelLink.open();
        capabilities.txChecksum(active -> {
            activeTx = active;
            reconcile("Tx checksum " + active);
        }).ifPresent(adapter::setTxChecksumCapabilities);
        capabilities.rxChecksum(active -> {
            activeRx = active;
            reconcile("Rx checksum " + active);
        }).ifPresent(adapter::setRxChecksumCapabilities);
        capabilities.gso(active -> {
            activeGso = active;
            reconcile("GSO " + active);
        }).ifPresent(adapter::setGsoCapabilities);
        capabilities.rsc(active -> {
            activeRsc = active;
            reconcile("RSC " + active);
        }).ifPresent(adapter::setRscCapabilities);
        adapter.setDatapath(this);
    }

    public NetDevice device() {
        return device;
    }

    public NetDevice peer() {
        return ports.peer;
    }

    /** The device's features as last observed from the kernel. */
    public Map<String, Boolean> features() {
        return features;
    }

    /** The last transmit: its path and what the peer read. */
    public Transmit lastTransmit() {
        return lastTransmit;
    }

    /** How many transmits took each path. */
    public Map<TxPath, Long> paths() {
        Map<TxPath, Long> counts = new LinkedHashMap<>();
        for (TxPath path : TxPath.values()) {
            counts.put(path, paths.containsKey(path) ? paths.get(path).get() : 0L);
        }
        return counts;
    }

    /**
     * Switches the device's features to what the active sets say, then waits until the kernel shows them
     * (ethtool -k): a change the kernel does not make fails here, as a DUT fault of the callback.
     */
    private synchronized void reconcile(String because) {
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        wanted.putAll(capabilities.features(activeTx, activeGso));
        wanted.putAll(capabilities.features(activeRx));
        wanted.putAll(capabilities.features(activeGso));
        wanted.putAll(capabilities.features(activeRsc));
        Map<String, Boolean> before = features;
        Map<String, Boolean> change = new LinkedHashMap<>();
        wanted.forEach((feature, on) -> {
            if (!on.equals(before.get(feature))) {
                change.put(feature, on);
            }
        });
        if (change.isEmpty()) {
            return;
        }
        device.requestFeatures(change);
        await(device + " showing " + change).atMost(FEATURE_CHANGE).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    features = device.features();
                    return change.entrySet().stream().allMatch(e -> e.getValue().equals(features.get(e.getKey())));
                });
        if (change.containsKey(EthtoolCapabilities.GRO) && change.get(EthtoolCapabilities.GRO)) {
            // A device that takes up GRO again makes a new NAPI instance, which needs the settings again.
            Wire.batchesMeetInOnePoll(device);
        }
        changes.add(because + ": " + change);
    }

    /** Every feature change the active sets caused, in order, with the set that caused it. */
    public synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        completion.send(send(packet));
    }

    private TxResult send(TxPacket packet) {
        byte[] frame = packet.frame();
        VirtioNetHdr header = VirtioNetHdr.NONE;
        String feature = null;
        if (packet.gso().segments()) {
            FrameLayout layout = FrameParser.parseLargeSend(frame).layout();
            if (layout.transportChecksumOffset() < 0) {
                return TxResult.failed("not a TCP or UDP large send: " + packet.layout().describe(), List.of());
            }
            long userBytes = layout.payloadLength();
            if (userBytes > capabilities.maximumOffloadSize()) {
                return TxResult.failed(userBytes + " user bytes exceed the MaximumOffloadSize of "
                        + capabilities.maximumOffloadSize(), List.of());
            }
            if (userBytes <= packet.gso().mss()) {
                return TxResult.failed(userBytes + " user bytes at MSS " + packet.gso().mss()
                        + " make one segment: the kernel takes no GSO unit of one segment", List.of());
            }
            // NDIS leaves lengths to the buffer and the length out of the seed; a Linux GSO unit has both.
            frame = VirtioNetHdr.largeSend(frame, layout);
            header = VirtioNetHdr.segmentation(layout, packet.gso().mss());
            feature = packet.gso().kind() == GsoRequest.Kind.UDP ? EthtoolCapabilities.USO
                    : layout.isIPv4() ? EthtoolCapabilities.TSO_IPV4 : EthtoolCapabilities.TSO_IPV6;
        } else if (packet.checksum().layer4() == TxChecksumAction.REQUIRED
                && FrameParser.parse(frame) instanceof FrameLayout layout && layout.transportChecksumOffset() >= 0) {
            frame = VirtioNetHdr.withPseudoHeaderSum(frame, layout);
            header = VirtioNetHdr.checksum(layout);
            feature = capabilities.txChecksumFeature(layout);
        }
        List<VnetFrame> atPeer;
        try {
            atPeer = tx.deliver(List.of(new VnetFrame(header, frame)));
        } catch (IllegalStateException refused) {
            return TxResult.failed(refused.getMessage(), List.of());
        }
        List<byte[]> wire = new ArrayList<>();
        boolean finishedAtWire = false;
        for (VnetFrame arrived : atPeer) {
            if (arrived.header().isGso() || arrived.header().needsCsum()) {
                finishedAtWire = true;
                wire.addAll(finisher.segment(arrived.frame(), arrived.header()));
            } else {
                wire.add(arrived.frame());
            }
        }
        TxPath path = feature == null ? TxPath.AS_GIVEN
                : !Boolean.TRUE.equals(features.get(feature)) ? TxPath.KERNEL_SOFTWARE
                : finishedAtWire ? TxPath.DEVICE_FINISHED_AT_WIRE : TxPath.DEVICE;
        paths.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
        lastTransmit = new Transmit(path, atPeer, wire);
        return TxResult.sent(wire);
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        List<RxIndication> up = new ArrayList<>();
        List<byte[]> frames = batch.frames();
        // A NAPI poll takes 64 frames; a longer batch arrives, as on a NIC, over more than one poll.
        for (int from = 0; from < frames.size(); from += Wire.MAX_BATCH) {
            for (VnetFrame delivered : rx.coalesce(frames.subList(from, Math.min(frames.size(), from + Wire.MAX_BATCH)))) {
                up.add(indication(delivered));
            }
        }
        indications.send(up);
    }

    /**
     * Linux says one thing of a received frame's checksums: CHECKSUM_UNNECESSARY (DATA_VALID), or for a
     * coalesced unit CHECKSUM_PARTIAL (its segments were checked, its own checksum field is left to
     * complete). Both read as Valid for the layers the active set covers (GRO and NIC drivers say it only
     * when the IPv4 header checked out too); anything else is NotChecked, since Linux never says Invalid.
     */
    private RxIndication indication(VnetFrame delivered) {
        byte[] frame = delivered.frame();
        FrameLayout layout = FrameParser.parse(frame) instanceof FrameLayout l ? l : FrameLayout.unknown(frame.length);
        boolean unit = delivered.header().isGso();
        boolean checked = unit || delivered.header().dataValid();
        RxChecksumEvaluation layer3 = checked && layout.isIPv4() && activeRx.ipv4() ? RxChecksumEvaluation.VALID
                : RxChecksumEvaluation.NOT_CHECKED;
        boolean layer4Active = layout.isTcp() && activeRx.tcp() || layout.isUdp() && activeRx.udp();
        RxChecksumEvaluation layer4 = checked && layer4Active ? RxChecksumEvaluation.VALID : RxChecksumEvaluation.NOT_CHECKED;
        RxChecksum checksum = new RxChecksum(layer3, layer4, unit);
        RscInfo rsc = unit ? new RscInfo(delivered.segments(), 0, 0) : RscInfo.NONE;
        return new RxIndication(frame, layout, checksum, rsc);
    }

    /** The ports, the kernel, the feature changes the active sets made, the Tx paths taken, the expected deviations. */
    @Override
    public Map<String, String> details() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("Linux ports", ports.toString());
        environment.put("Linux kernel", System.getProperty("os.version"));
        environment.put("Linux feature changes", String.join("; ", changes()));
        StringBuilder taken = new StringBuilder();
        paths().forEach((path, count) -> {
            if (count > 0) {
                taken.append(taken.length() == 0 ? "" : "; ").append(count).append(" by ").append(path.description);
            }
        });
        environment.put("Linux Tx paths taken", taken.toString());
        environment.put("Linux expected deviations", LinuxDeviations.describe());
        return environment;
    }

    @Override
    public void close() {
        try {
            for (AutoCloseable open : new AutoCloseable[] {tx, rx, finisher}) {
                if (open != null) {
                    open.close();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            ports.close();
        }
    }
}
