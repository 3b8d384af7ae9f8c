package org.offloadkit.linux;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.TcpFlags;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/**
 * Real traffic of the kernel's own sockets between two namespaces, {@code sender} ({@code tx0},
 * 10.77.0.1) and {@code receiver} ({@code rx0}, 10.77.0.2) on a veth pair, captured on the receive side
 * as the receiving device delivers it (after GRO, with each frame's virtio-net header). The sender's
 * segmentation features and the receiver's GRO are set for each capture.
 *
 * <p>veth passes a GSO unit on whole while its sender has the segmentation feature on, so the receive side
 * then sees the unit as one frame whatever its GRO; with the feature off the kernel segments before the
 * device, and the receiver's GRO (veth's NAPI path) may coalesce again.
 */
public final class RealTraffic implements AutoCloseable {
    private static final String SENDER_ADDRESS = "10.77.0.1";
    private static final String RECEIVER_ADDRESS = "10.77.0.2";
    private static final int TCP_PORT = 5001;
    private static final int UDP_PORT = 5002;
    private static final int UDP_SEGMENT = 103;
    private static final int SOL_UDP = 17;
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final Duration TRAFFIC = Duration.ofSeconds(20);

    private final Namespace sender;
    private final Namespace receiver;
    private final NetDevice tx;
    private final NetDevice rx;

    private RealTraffic(Namespace sender, Namespace receiver, NetDevice tx, NetDevice rx) {
        this.sender = sender;
        this.receiver = receiver;
        this.tx = tx;
        this.rx = rx;
    }

    /** The two namespaces, the veth pair between them with addresses and static neighbours, quiet otherwise. */
    public static RealTraffic open() {
        LinuxHost.require();
        Namespace sender = Namespace.create();
        Namespace receiver = Namespace.create();
        try {
            KernelLink.quiet(sender);
            KernelLink.quiet(receiver);
            NetDevice tx = new NetDevice("tx0", sender);
            NetDevice rx = new NetDevice("rx0", receiver);
            VethPair.create(tx, rx).up();
            await("carrier on tx0 and rx0").atMost(TRAFFIC).until(() -> tx.isUp() && rx.isUp());
            address(tx, SENDER_ADDRESS, RECEIVER_ADDRESS, rx.mac());
            address(rx, RECEIVER_ADDRESS, SENDER_ADDRESS, tx.mac());
            return new RealTraffic(sender, receiver, tx, rx);
        } catch (RuntimeException | Error e) {
            sender.close();
            receiver.close();
            throw e;
        }
    }

    /** An address, and the other end's MAC as a permanent neighbour: no ARP in any capture. */
    private static void address(NetDevice device, String own, String other, byte[] otherMac) {
        device.namespace().exec(LinuxHost.command("ip", "address", "add", own + "/24", "dev", device.name()), "");
        device.namespace().exec(LinuxHost.command("ip", "neigh", "replace", other, "lladdr", mac(otherMac), "nud",
                "permanent", "dev", device.name()), "");
    }

    /** The sender's and the receiver's features a capture ran with. */
    public record Features(Map<String, Boolean> sender, Map<String, Boolean> receiver) {}

    /** One capture: what the receive side delivered, and the features it was made with. */
    public record Capture(List<VnetFrame> frames, Features features) {}

    /**
     * A TCP connection that sends {@code bytes} and closes, captured on rx0 until the sender's FIN: SYN,
     * data, ACKs, FIN, as the receiving device delivers them.
     */
    public Capture tcpBulk(int bytes, boolean tso, boolean gro) {
        Features features = configure(Map.of("tcp-segmentation-offload", tso), gro);
        try (PacketSocket capture = PacketSocket.open(rx);
             ServerSocket server = receiver.call(() -> new ServerSocket(TCP_PORT, 1, InetAddress.getByName(RECEIVER_ADDRESS)))) {
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> drain(server));
            try (Socket client = sender.call(() -> new Socket(InetAddress.getByName(RECEIVER_ADDRESS), TCP_PORT));
                 OutputStream out = client.getOutputStream()) {
                out.write(pattern(bytes));
            }
            long arrived = received.join();
            if (arrived != bytes) {
                throw new IllegalStateException("the receiver read " + arrived + " of the " + bytes + " bytes sent");
            }
            return new Capture(capture.receiveUntil(frames -> frames.stream().anyMatch(RealTraffic::isFin), TRAFFIC), features);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code datagrams} UDP datagrams of {@code size} payload bytes: with {@code gso} in one send with
     * UDP_SEGMENT, segmented by the device ({@code uso}) or by the kernel before it; without, one send each.
     */
    public Capture udpBurst(int datagrams, int size, boolean gso, boolean uso) {
        Features features = configure(Map.of("tx-udp-segmentation", uso), false);
        // A socket that takes the datagrams, so that no port-unreachable makes the sender's next send fail.
        try (PacketSocket capture = PacketSocket.open(rx);
             DatagramSocket sink = receiver.call(() -> new DatagramSocket(new InetSocketAddress(RECEIVER_ADDRESS, UDP_PORT)))) {
            int fd = sender.call(() -> udpSocket(gso ? size : 0));
            try {
                byte[] payload = pattern(datagrams * size);
                if (gso) {
                    send(fd, payload);
                } else {
                    for (int i = 0; i < datagrams; i++) {
                        send(fd, Arrays.copyOfRange(payload, i * size, (i + 1) * size));
                    }
                }
            } finally {
                Libc.C.close(fd);
            }
            long total = (long) datagrams * size;
            Predicate<List<VnetFrame>> all = frames -> frames.stream().filter(f -> isUdp(f.frame()))
                    .mapToLong(f -> FrameParser.parse(f.frame()).layout().payloadLength()).sum() >= total;
            return new Capture(capture.receiveUntil(all, TRAFFIC), features);
        }
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
    }

    private Features configure(Map<String, Boolean> senderFeatures, boolean gro) {
        tx.setFeatures(senderFeatures);
        rx.setFeatures(Map.of("generic-receive-offload", gro));
        Map<String, Boolean> s = new LinkedHashMap<>();
        Map<String, Boolean> r = new LinkedHashMap<>();
        Map<String, Boolean> all = tx.features();
        for (String name : List.of("tx-checksum-ip-generic", "tx-tcp-segmentation", "tx-tcp6-segmentation", "tx-udp-segmentation")) {
            s.put(name, all.get(name));
        }
        r.put("generic-receive-offload", rx.features().get("generic-receive-offload"));
        return new Features(s, r);
    }

    private static long drain(ServerSocket server) {
        try (Socket accepted = server.accept(); InputStream in = accepted.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UDP socket connected to the receiver, with UDP_SEGMENT at {@code segment} bytes unless 0. */
    private static int udpSocket(int segment) {
        int fd = Libc.C.socket(AF_INET, SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
        try {
            if (segment > 0) {
                Memory value = new Memory(Integer.BYTES);
                value.setInt(0, segment);
                Libc.C.setsockopt(fd, SOL_UDP, UDP_SEGMENT, value, Integer.BYTES);
            }
            Libc.SockaddrIn address = new Libc.SockaddrIn();
            address.sin_family = AF_INET;
            address.sin_port = Libc.htons(UDP_PORT);
            address.sin_addr = new InetSocketAddress(RECEIVER_ADDRESS, UDP_PORT).getAddress().getAddress();
            Libc.C.connect(fd, address, address.size());
            return fd;
        } catch (LastErrorException e) {
            Libc.C.close(fd);
            throw new IllegalStateException("cannot set up the UDP sender: " + e.getMessage(), e);
        }
    }

    private static void send(int fd, byte[] payload) {
        Memory buffer = new Memory(payload.length);
        buffer.write(0, payload, 0, payload.length);
        try {
            Libc.C.send(fd, buffer, payload.length, 0);
        } catch (LastErrorException e) {
            throw new IllegalStateException("the kernel refused a " + payload.length + "-byte UDP send: " + e.getMessage(), e);
        }
    }

    private static boolean isFin(VnetFrame f) {
        return FrameParser.parse(f.frame()) instanceof FrameLayout layout && layout.isTcp()
                && (Bytes.u8(f.frame(), layout.layer4Offset() + 13) & TcpFlags.FIN) != 0;
    }

    private static boolean isUdp(byte[] frame) {
        return FrameParser.parse(frame) instanceof FrameLayout layout && layout.isUdp();
    }

    /** Bytes that differ from their neighbours, so a payload cut or joined in the wrong place shows. */
    private static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 7 + i / 251);
        }
        return b;
    }

    private static String mac(byte[] mac) {
        return HexFormat.ofDelimiter(":").formatHex(mac);
    }
}
