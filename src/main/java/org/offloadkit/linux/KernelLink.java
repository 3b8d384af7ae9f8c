package org.offloadkit.linux;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.offloadkit.packet.Bytes;

import com.sun.jna.Memory;

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
    public static final int MAX_BATCH = 60;

    /** Generous: a delivery takes microseconds to segment and about one GRO flush timeout to coalesce. */
    private static final Duration DELIVERY = Duration.ofSeconds(10);
    /**
     * How long gro-rx's NAPI holds GRO units and defers its next poll: over a jiffy at any HZ, so that a
     * batch is flushed in the poll that coalesced it.
     */
    private static final String GRO_FLUSH_TIMEOUT_NS = "20000000";
    /** With one deferral the poll after the marker's waits for the timer, and the batch queues up meanwhile. */
    private static final String NAPI_DEFER_HARD_IRQS = "1";
    /** veth's largest: no frame under test is dropped for its size, a segment over 1500 bytes included. */
    private static final int MTU = 65535;
    /** Offloads off on both senders: every segment and checksum is the kernel's software. */
    private static final Map<String, Boolean> SOFTWARE_ONLY = Map.of(
            "tx-checksumming", false, "tcp-segmentation-offload", false, "tx-udp-segmentation", false);
    /** IEEE 802 Local Experimental EtherType 1: a frame no protocol takes and GRO passes through. */
    private static final int MARKER_ETHERTYPE = 0x88B5;
    private static final byte[] MARKER_TAG = "offloadkit kernel link marker ".getBytes(StandardCharsets.US_ASCII);
    private static final int CPU_SET_BYTES = 128;

    private final Namespace namespace;
    private final VethPair segmenting;
    private final VethPair coalescing;
    private final PacketSocket segmentSender;
    private final PacketSocket segmentReceiver;
    private final PacketSocket coalesceSender;
    private final PacketSocket coalesceReceiver;
    /** All sends go from one thread on one CPU, so the kernel's per-CPU queues keep them in order. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(KernelLink::pinnedThread);
    private final AtomicLong markers = new AtomicLong();

    private KernelLink(Namespace namespace, VethPair segmenting, VethPair coalescing) {
        this.namespace = namespace;
        this.segmenting = segmenting;
        this.coalescing = coalescing;
        segmentSender = PacketSocket.open(segmenting.first());
        segmentReceiver = PacketSocket.open(segmenting.second());
        coalesceSender = PacketSocket.open(coalescing.first());
        coalesceReceiver = PacketSocket.open(coalescing.second());
    }

    /** Sets up a namespace with both veth pairs, configured, up, and their sockets open. */
    public static KernelLink open() {
        LinuxHost.require();
        Namespace namespace = Namespace.create();
        try {
            namespace.setSysctl("net.ipv6.conf.default.disable_ipv6", "1");
            namespace.setSysctl("net.ipv6.conf.all.disable_ipv6", "1");
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
            // After up, when veth has made its NAPI instance, which takes the values from here.
            coalescing.second().setSysfs("gro_flush_timeout", GRO_FLUSH_TIMEOUT_NS);
            coalescing.second().setSysfs("napi_defer_hard_irqs", NAPI_DEFER_HARD_IRQS);
            return new KernelLink(namespace, segmenting, coalescing);
        } catch (RuntimeException | Error e) {
            namespace.close();
            throw e;
        }
    }

    /** seg-tx, which sends with its offloads off, and seg-rx, which receives with GRO off. */
    public VethPair segmenting() {
        return segmenting;
    }

    /** gro-tx, which sends, and gro-rx, which coalesces. */
    public VethPair coalescing() {
        return coalescing;
    }

    /**
     * The frames the kernel puts on the wire for one send of {@code frame} with {@code header}: the
     * segments of a GSO send, the frame with its checksum completed for NEEDS_CSUM alone, the frame as it
     * is with {@link VirtioNetHdr#NONE}. A header the kernel refuses throws, with the kernel's reason.
     */
    public List<byte[]> segment(byte[] frame, VirtioNetHdr header) {
        byte[] marker = marker();
        send(segmentSender, List.of(new VnetFrame(header, frame), VnetFrame.plain(marker)));
        List<VnetFrame> received = segmentReceiver.receiveUntil(
                frames -> !frames.isEmpty() && Arrays.equals(frames.get(frames.size() - 1).frame(), marker), DELIVERY);
        if (received.isEmpty() || !Arrays.equals(received.get(received.size() - 1).frame(), marker)) {
            throw new IllegalStateException("seg-rx did not receive the marker sent after the frame within " + DELIVERY
                    + "; it received " + received);
        }
        return received.stream().filter(r -> !isMarker(r.frame())).map(VnetFrame::frame).toList();
    }

    /**
     * What GRO makes of each batch: the frames of a batch go out back to back and meet in one NAPI poll,
     * and a batch is delivered before the next is sent, so frames of different batches never merge.
     * Every frame delivered comes with the header that says what was coalesced ({@link VnetFrame#segments()}).
     */
    public List<VnetFrame> coalesce(List<List<byte[]>> batches) {
        List<VnetFrame> delivered = new ArrayList<>();
        for (List<byte[]> batch : batches) {
            if (batch.isEmpty() || batch.size() > MAX_BATCH) {
                throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " frames, not " + batch.size());
            }
            List<VnetFrame> frames = new ArrayList<>();
            // The marker wakes gro-rx's NAPI, which then defers its next poll: the batch queues up for that one.
            frames.add(VnetFrame.plain(marker()));
            batch.forEach(frame -> frames.add(VnetFrame.plain(frame)));
            send(coalesceSender, frames);
            List<VnetFrame> received = coalesceReceiver.receiveUntil(
                    arrived -> segments(arrived) >= batch.size(), DELIVERY);
            if (segments(received) != batch.size()) {
                throw new IllegalStateException("gro-rx delivered " + segments(received) + " of the " + batch.size()
                        + " frames of a batch within " + DELIVERY + ": " + received);
            }
            received.stream().filter(r -> !isMarker(r.frame())).forEach(delivered::add);
        }
        return delivered;
    }

    @Override
    public void close() {
        sender.shutdownNow();
        segmentSender.close();
        segmentReceiver.close();
        coalesceSender.close();
        coalesceReceiver.close();
        namespace.close();
    }

    private void send(PacketSocket socket, List<VnetFrame> frames) {
        try {
            sender.submit(() -> socket.sendAll(frames)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending on " + socket.device(), e);
        }
    }

    private static int segments(List<VnetFrame> frames) {
        return frames.stream().filter(r -> !isMarker(r.frame())).mapToInt(VnetFrame::segments).sum();
    }

    /** A frame told apart from anything under test by its EtherType, and from other markers by its number. */
    private byte[] marker() {
        byte[] number = Long.toString(markers.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[Math.max(60, 14 + MARKER_TAG.length + number.length)];
        Arrays.fill(frame, 0, 6, (byte) 0xFF);
        frame[6] = 0x02; // a locally administered source address
        Bytes.put16(frame, 12, MARKER_ETHERTYPE);
        System.arraycopy(MARKER_TAG, 0, frame, 14, MARKER_TAG.length);
        System.arraycopy(number, 0, frame, 14 + MARKER_TAG.length, number.length);
        return frame;
    }

    private static boolean isMarker(byte[] frame) {
        return frame.length >= 14 + MARKER_TAG.length && Bytes.u16(frame, 12) == MARKER_ETHERTYPE
                && Arrays.equals(frame, 14, 14 + MARKER_TAG.length, MARKER_TAG, 0, MARKER_TAG.length);
    }

    private static Thread pinnedThread(Runnable work) {
        Thread thread = new Thread(() -> {
            Memory cpus = new Memory(CPU_SET_BYTES);
            cpus.clear();
            int cpu = Libc.C.sched_getcpu();
            cpus.setByte(cpu / 8, (byte) (1 << (cpu % 8)));
            Libc.C.sched_setaffinity(0, CPU_SET_BYTES, cpus);
            work.run();
        }, "offloadkit kernel link sender");
        thread.setDaemon(true);
        return thread;
    }
}
