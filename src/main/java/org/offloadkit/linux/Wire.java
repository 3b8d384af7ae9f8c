package org.offloadkit.linux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.offloadkit.packet.Bytes;

import com.sun.jna.Memory;

/**
 * One direction between two devices: frames go out of {@code from} through a packet socket and are read
 * on {@code to}, each with its virtio-net header. A marker frame sent with every send tells where the
 * frames of that send end, so nothing is ever waited for by the clock.
 *
 * <p>All sends go from one thread pinned to one CPU, so the kernel's per-CPU backlog keeps them in order.
 */
public final class Wire implements AutoCloseable {
    /** The most frames of one batch: a NAPI poll takes 64, and one of them is the marker that starts it. */
    public static final int MAX_BATCH = 60;

    /**
     * How long the receiver's NAPI holds GRO units and defers its next poll: over a jiffy at any HZ, so that
     * a batch is flushed in the poll that coalesced it.
     */
    private static final String GRO_FLUSH_TIMEOUT_NS = "20000000";
    /** With one deferral the poll after the marker's waits for the timer, and the batch queues up meanwhile. */
    private static final String NAPI_DEFER_HARD_IRQS = "1";
    /** IEEE 802 Local Experimental EtherType 1: a frame no protocol takes and GRO passes through. */
    private static final int MARKER_ETHERTYPE = 0x88B5;
    private static final byte[] MARKER_TAG = "offloadkit kernel link marker ".getBytes(StandardCharsets.US_ASCII);
    private static final int CPU_SET_BYTES = 128;

    private final PacketSocket sender;
    private final PacketSocket receiver;
    private final Duration delivery;
    private final ExecutorService sending = Executors.newSingleThreadExecutor(Wire::pinnedThread);
    private final AtomicLong markers = new AtomicLong();

    private Wire(PacketSocket sender, PacketSocket receiver, Duration delivery) {
        this.sender = sender;
        this.receiver = receiver;
        this.delivery = delivery;
    }

    /** Opens a socket on each device; {@code delivery} bounds how long any one send takes to arrive. */
    public static Wire between(NetDevice from, NetDevice to, Duration delivery) {
        PacketSocket sender = PacketSocket.open(from);
        try {
            return new Wire(sender, PacketSocket.open(to), delivery);
        } catch (RuntimeException e) {
            sender.close();
            throw e;
        }
    }

    /**
     * Makes a receiving device's NAPI defer and hold, so that the frames of one {@link #coalesce} batch meet
     * in one poll; its GRO units are flushed at the timer poll after, about 40 ms after the send. Call it
     * after the device is up, when its NAPI instance exists and takes the values from here.
     */
    public static void batchesMeetInOnePoll(NetDevice receiver) {
        receiver.setSysfs("gro_flush_timeout", GRO_FLUSH_TIMEOUT_NS);
        receiver.setSysfs("napi_defer_hard_irqs", NAPI_DEFER_HARD_IRQS);
    }

    public NetDevice from() {
        return sender.device();
    }

    public NetDevice to() {
        return receiver.device();
    }

    /**
     * Sends the frames with their headers in one sendmmsg, a marker after them, and hands back every frame
     * that arrived before the marker. A frame the kernel refuses throws, with the kernel's reason.
     */
    public List<VnetFrame> deliver(List<VnetFrame> frames) {
        byte[] marker = marker();
        List<VnetFrame> all = new ArrayList<>(frames);
        all.add(VnetFrame.plain(marker));
        send(all);
        List<VnetFrame> received = receiver.receiveUntil(
                arrived -> !arrived.isEmpty() && Arrays.equals(arrived.get(arrived.size() - 1).frame(), marker), delivery);
        if (received.isEmpty() || !Arrays.equals(received.get(received.size() - 1).frame(), marker)) {
            throw new IllegalStateException(to() + " did not receive the marker sent after the frames within " + delivery
                    + "; it received " + received);
        }
        return received.stream().filter(r -> !isMarker(r.frame())).toList();
    }

    /**
     * Sends one batch back to back behind a marker and hands back what the receiving device delivered of
     * it: the marker wakes the receiver's NAPI, which then defers its next poll (napi_defer_hard_irqs), so
     * the batch queues up and meets in that one poll, where GRO sees all of it. Returns once every frame
     * of the batch is accounted for ({@link VnetFrame#segments()}), so the next batch never merges with it.
     */
    public List<VnetFrame> coalesce(List<byte[]> batch) {
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " frames, not " + batch.size());
        }
        List<VnetFrame> frames = new ArrayList<>();
        frames.add(VnetFrame.plain(marker()));
        batch.forEach(frame -> frames.add(VnetFrame.plain(frame)));
        send(frames);
        List<VnetFrame> received = receiver.receiveUntil(arrived -> segments(arrived) >= batch.size(), delivery);
        if (segments(received) != batch.size()) {
            throw new IllegalStateException(to() + " delivered " + segments(received) + " of the " + batch.size()
                    + " frames of a batch within " + delivery + ": " + received);
        }
        return received.stream().filter(r -> !isMarker(r.frame())).toList();
    }

    @Override
    public void close() {
        sending.shutdownNow();
        sender.close();
        receiver.close();
    }

    @Override
    public String toString() {
        return "wire " + from() + " -> " + to();
    }

    private void send(List<VnetFrame> frames) {
        try {
            sending.submit(() -> sender.sendAll(frames)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending on " + from(), e);
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
        }, "offloadkit wire sender");
        thread.setDaemon(true);
        return thread;
    }
}
