package org.offloadkit.linux;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.offloadkit.packet.Bytes;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/**
 * An AF_PACKET socket bound to one device, with a virtio-net header on every frame (PACKET_VNET_HDR): it
 * hands frames to the device's transmit path as they are, and sees every frame that arrives on the
 * device after the kernel's receive offloads (GRO), before any protocol looks at it. Frames the device
 * sends are not seen.
 *
 * <p>The kernel drops a received frame whose offload the header cannot express (a GSO type other than
 * TCPV4, TCPV6 or UDP_L4, such as a GRO fraglist). Sending and receiving may happen on different threads.
 */
public final class PacketSocket implements AutoCloseable {
    /** Room for a GRO unit at its 64 KiB limit and then some. */
    private static final int RECEIVE_BUFFER = 256 * 1024;
    /** A full GSO send segments into many frames, all queued before anyone reads. */
    private static final int SOCKET_RECEIVE_BUFFER = 16 * 1024 * 1024;
    /** Room for the one control message asked for, PACKET_AUXDATA. */
    private static final int CONTROL_BUFFER = 64;
    private static final int VLAN_TAG = 4;
    private static final int ETHERTYPE_8021Q = 0x8100;

    private final NetDevice device;
    private final int fd;
    private final Memory received = new Memory(RECEIVE_BUFFER);
    private final Memory control = new Memory(CONTROL_BUFFER);
    private final AtomicBoolean closed = new AtomicBoolean();

    private PacketSocket(NetDevice device, int fd) {
        this.device = device;
        this.fd = fd;
    }

    /** A socket on {@code device}, made inside its namespace. */
    public static PacketSocket open(NetDevice device) {
        LinuxHost.require();
        int ifindex = device.ifindex();
        return device.namespace().call(() -> {
            // Protocol 0 until bound: no frame of another device can slip in before bind().
            int fd = Libc.C.socket(Libc.AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, 0);
            try {
                setOption(fd, Libc.SOL_PACKET, Libc.PACKET_VNET_HDR, 1);
                setOption(fd, Libc.SOL_PACKET, Libc.PACKET_IGNORE_OUTGOING, 1);
                setOption(fd, Libc.SOL_PACKET, Libc.PACKET_AUXDATA, 1);
                setOption(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUFFORCE, SOCKET_RECEIVE_BUFFER);
                Libc.SockaddrLl address = new Libc.SockaddrLl();
                address.sll_family = Libc.AF_PACKET;
                address.sll_protocol = Libc.htons(Libc.ETH_P_ALL);
                address.sll_ifindex = ifindex;
                Libc.C.bind(fd, address, address.size());
                return new PacketSocket(device, fd);
            } catch (LastErrorException e) {
                Libc.C.close(fd);
                throw new IllegalStateException("cannot open a packet socket on " + device + ": " + e.getMessage(), e);
            }
        });
    }

    public NetDevice device() {
        return device;
    }

    /** Sends a frame with no offload asked for. */
    public void send(byte[] frame) {
        sendAll(List.of(VnetFrame.plain(frame)));
    }

    /** Sends a frame with the offloads its header asks for. */
    public void send(VirtioNetHdr header, byte[] frame) {
        sendAll(List.of(new VnetFrame(header, frame)));
    }

    /**
     * Sends the frames in order with one system call (sendmmsg), so that they reach the device back to
     * back. A frame the kernel refuses fails the call, naming it; those before it have gone out.
     */
    public void sendAll(List<VnetFrame> frames) {
        if (frames.isEmpty()) {
            return;
        }
        Libc.Mmsghdr[] messages = (Libc.Mmsghdr[]) new Libc.Mmsghdr().toArray(frames.size());
        // Native memory the messages point to: reachable until the kernel has read it.
        List<Object> pointedTo = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Libc.Iovec[] parts = (Libc.Iovec[]) new Libc.Iovec().toArray(2);
            fill(parts[0], frames.get(i).header().encode(), pointedTo);
            fill(parts[1], frames.get(i).frame(), pointedTo);
            pointedTo.add(parts);
            messages[i].msg_hdr.msg_iov = parts[0].getPointer();
            messages[i].msg_hdr.msg_iovlen = parts.length;
        }
        int sent = 0;
        while (sent < frames.size()) {
            // A partial send counts the frames that went; calling again from the next one reports its error.
            Libc.Mmsghdr[] rest = Arrays.copyOfRange(messages, sent, messages.length);
            try {
                sent += Libc.C.sendmmsg(fd, rest, rest.length, 0);
            } catch (LastErrorException e) {
                throw new IllegalStateException("the kernel refused frame " + (sent + 1) + " of " + frames.size()
                        + " on " + device + " (" + frames.get(sent) + "): " + e.getMessage(), e);
            }
        }
        Reference.reachabilityFence(pointedTo);
    }

    /** Every frame that arrives until {@code count} have, or until {@code timeout} has passed. */
    public List<VnetFrame> receive(int count, Duration timeout) {
        return receiveUntil(frames -> frames.size() >= count, timeout);
    }

    /** Every frame that arrives until those received so far are {@code enough}, or {@code timeout} has passed. */
    public synchronized List<VnetFrame> receiveUntil(Predicate<List<VnetFrame>> enough, Duration timeout) {
        List<VnetFrame> frames = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); !enough.test(frames) && left > 0; left = deadline - System.nanoTime()) {
            if (readable(Math.max(1, left / 1_000_000))) {
                frames.add(receiveOne());
            }
        }
        return frames;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Libc.C.close(fd);
        }
    }

    @Override
    public String toString() {
        return "packet socket on " + device;
    }

    /**
     * One frame with its virtio-net header. The kernel takes a frame's (outer) VLAN tag out of it before
     * any socket sees it and hands it beside the frame (PACKET_AUXDATA); it is put back here, so the frame
     * is the one on the wire.
     */
    private VnetFrame receiveOne() {
        Libc.Iovec part = new Libc.Iovec();
        part.iov_base = received;
        part.iov_len = RECEIVE_BUFFER;
        part.write();
        Libc.Msghdr message = new Libc.Msghdr();
        message.msg_iov = part.getPointer();
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = CONTROL_BUFFER;
        long length;
        try {
            // MSG_TRUNC: the length the frame had, even where it was longer than the buffer.
            length = Libc.C.recvmsg(fd, message, Libc.MSG_DONTWAIT | Libc.MSG_TRUNC);
        } catch (LastErrorException e) {
            throw new IllegalStateException("receiving on " + device + ": " + e.getMessage(), e);
        }
        if (length > RECEIVE_BUFFER) {
            throw new IllegalStateException(device + " received a " + length + "-byte frame, larger than the "
                    + RECEIVE_BUFFER + " bytes the harness reads");
        }
        byte[] bytes = received.getByteArray(0, (int) length);
        byte[] frame = Arrays.copyOfRange(bytes, VirtioNetHdr.LENGTH, bytes.length);
        byte[] onWire = withVlanTag(frame, message.msg_controllen);
        VirtioNetHdr header = VirtioNetHdr.decode(bytes, 0);
        return new VnetFrame(onWire.length == frame.length ? header : header.shifted(onWire.length - frame.length), onWire);
    }

    /** The frame with the tag tpacket_auxdata reports put back after the MAC addresses; unchanged without one. */
    private byte[] withVlanTag(byte[] frame, long controlLength) {
        for (long at = 0; at + Libc.CMSG_HEADER <= controlLength; ) {
            long messageLength = control.getLong(at);
            if (messageLength < Libc.CMSG_HEADER) {
                break;
            }
            if (control.getInt(at + 8) == Libc.SOL_PACKET && control.getInt(at + 12) == Libc.PACKET_AUXDATA) {
                long data = at + Libc.CMSG_HEADER;
                int status = control.getInt(data);
                if ((status & Libc.TP_STATUS_VLAN_VALID) == 0 || frame.length < 12) {
                    return frame;
                }
                int tci = control.getShort(data + 16) & 0xFFFF;
                int tpid = (status & Libc.TP_STATUS_VLAN_TPID_VALID) != 0 ? control.getShort(data + 18) & 0xFFFF : ETHERTYPE_8021Q;
                byte[] tagged = new byte[frame.length + VLAN_TAG];
                System.arraycopy(frame, 0, tagged, 0, 12);
                Bytes.put16(tagged, 12, tpid);
                Bytes.put16(tagged, 14, tci);
                System.arraycopy(frame, 12, tagged, 12 + VLAN_TAG, frame.length - 12);
                return tagged;
            }
            at += (messageLength + 7) & ~7L;
        }
        return frame;
    }

    private boolean readable(long timeoutMillis) {
        Libc.Pollfd poll = new Libc.Pollfd();
        poll.fd = fd;
        poll.events = Libc.POLLIN;
        try {
            return Libc.C.poll(poll, 1, (int) Math.min(Integer.MAX_VALUE, timeoutMillis)) > 0;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Libc.EINTR) {
                return false;
            }
            throw new IllegalStateException("waiting on " + device + ": " + e.getMessage(), e);
        }
    }

    private static void fill(Libc.Iovec part, byte[] bytes, List<Object> pointedTo) {
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        pointedTo.add(memory);
        part.iov_base = memory;
        part.iov_len = bytes.length;
        part.write();
    }

    private static void setOption(int fd, int level, int option, int value) {
        Memory memory = new Memory(Integer.BYTES);
        memory.setInt(0, value);
        Libc.C.setsockopt(fd, level, option, memory, Integer.BYTES);
    }
}
