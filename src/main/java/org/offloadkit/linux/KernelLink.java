package org.offloadkit.linux;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Linux kernel as an oracle for segmentation and coalescing, on two veth pairs in a namespace of
 * their own.
 *
 * <ul>
 * <li>{@link #segment}: a frame with a GSO header goes out of {@code seg-tx}, whose segmentation and
 * checksum offloads are off, so the kernel segments it and completes the checksums in software; the
 * segments are what {@code seg-rx} (GRO off) receives.
 * <li>{@link #coalesce}: each batch of frames goes out of {@code gro-tx} back to back and meets in one
 * NAPI poll of {@code gro-rx}, where GRO is on; what comes out is what GRO delivers, each frame with the
 * virtio-net header that says what was coalesced.
 * </ul>
 *
 * <p>The link is quiet: no IPv6 (no neighbour discovery), no addresses (nothing answers). Its frames are
 * seen only by its own sockets; their destination addresses need not be the devices'. Its MTU is veth's
 * largest, so that no frame is dropped for its size.
 */
public final class KernelLink implements AutoCloseable {
    /** The most frames of one batch: a NAPI poll takes 64, and one of them is the marker that starts it. */
    public static final int MAX_BATCH = Wire.MAX_BATCH;

    /** Generous: a delivery takes microseconds to segment and about one GRO flush timeout to coalesce. */
    private static final Duration DELIVERY = Duration.ofSeconds(10);
    /** veth's largest: no frame under test is dropped for its size, a segment over 1500 bytes included. */
    private static final int MTU = 65535;
    /** Offloads off on both senders: every segment and checksum is the kernel's software. */
    public static final Map<String, Boolean> SOFTWARE_ONLY = Map.of(
            "tx-checksumming", false, "tcp-segmentation-offload", false, "tx-udp-segmentation", false);

    private final Namespace namespace;
    private final Wire segmenting;
    private final Wire coalescing;

    private KernelLink(Namespace namespace, Wire segmenting, Wire coalescing) {
        this.namespace = namespace;
        this.segmenting = segmenting;
        this.coalescing = coalescing;
    }

    /** Sets up a namespace with both veth pairs, configured, up, and their sockets open. */
    public static KernelLink open() {
        LinuxHost.require();
        Namespace namespace = Namespace.create();
        try {
            quiet(namespace);
            VethPair segmenting = VethPair.create(new NetDevice("seg-tx", namespace), new NetDevice("seg-rx", namespace));
            VethPair coalescing = VethPair.create(new NetDevice("gro-tx", namespace), new NetDevice("gro-rx", namespace));
            segmenting.first().setFeatures(SOFTWARE_ONLY);
            segmenting.second().setFeatures(Map.of("generic-receive-offload", false));
            // veth takes its NAPI (and so GRO) path only from a peer without TSO.
            coalescing.first().setFeatures(SOFTWARE_ONLY);
            coalescing.second().setFeatures(Map.of("generic-receive-offload", true));
            segmenting.setMtu(MTU);
            coalescing.setMtu(MTU);
            segmenting.up();
            coalescing.up();
            await("carrier on both veth pairs").atMost(DELIVERY).until(() -> segmenting.first().isUp()
                    && segmenting.second().isUp() && coalescing.first().isUp() && coalescing.second().isUp());
            Wire.batchesMeetInOnePoll(coalescing.second());
            Wire segmentWire = Wire.between(segmenting.first(), segmenting.second(), DELIVERY);
            try {
                return new KernelLink(namespace, segmentWire, Wire.between(coalescing.first(), coalescing.second(), DELIVERY));
            } catch (RuntimeException | Error e) {
                segmentWire.close();
                throw e;
            }
        } catch (RuntimeException | Error e) {
            namespace.close();
            throw e;
        }
    }

    /** No IPv6 in the namespace, so no neighbour discovery chatters on its devices. */
    public static void quiet(Namespace namespace) {
        namespace.setSysctl("net.ipv6.conf.default.disable_ipv6", "1");
        namespace.setSysctl("net.ipv6.conf.all.disable_ipv6", "1");
    }

    /** seg-tx, which sends with its offloads off, and seg-rx, which receives with GRO off. */
    public VethPair segmenting() {
        return new VethPair(segmenting.from(), segmenting.to());
    }

    /** gro-tx, which sends, and gro-rx, which coalesces. */
    public VethPair coalescing() {
        return new VethPair(coalescing.from(), coalescing.to());
    }

    /**
     * The frames the kernel puts on the wire for one send of {@code frame} with {@code header}: the
     * segments of a GSO send, the frame with its checksum completed for NEEDS_CSUM alone, the frame as it
     * is with {@link VirtioNetHdr#NONE}. A header the kernel refuses throws, with the kernel's reason.
     */
    public List<byte[]> segment(byte[] frame, VirtioNetHdr header) {
        return segmenting.deliver(List.of(new VnetFrame(header, frame))).stream().map(VnetFrame::frame).toList();
    }

    /**
     * What GRO makes of each batch: the frames of a batch go out back to back and meet in one NAPI poll,
     * and a batch is delivered before the next is sent, so frames of different batches never merge.
     * Every frame delivered comes with the header that says what was coalesced ({@link VnetFrame#segments()}).
     */
    public List<VnetFrame> coalesce(List<List<byte[]>> batches) {
        List<VnetFrame> delivered = new ArrayList<>();
        for (List<byte[]> batch : batches) {
            delivered.addAll(coalescing.coalesce(batch));
        }
        return delivered;
    }

    @Override
    public void close() {
        segmenting.close();
        coalescing.close();
        namespace.close();
    }
}
