package org.offloadkit.linux;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.offloadkit.cli.OffloadKit;
import org.offloadkit.pcap.PcapReader;
import org.offloadkit.report.Summary;
import org.offloadkit.testing.Scratch;
import org.offloadkit.testing.Tshark;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Real kernel traffic, captured by Wireshark's dumpcap on the sending end of a veth pair between two
 * namespaces, replayed against the reference adapter: with the sender's checksum offload on, the capture
 * holds partial checksums and the kit says so; with it off, the kernel's own software segmentation gives
 * runs of segments that replay as large sends.
 */
public class KernelCaptureReplayTest {
    private static final int TCP_BYTES = 256 * 1024;
    private static final int DATAGRAMS = 12;

    private Namespace left;
    private Namespace right;
    private VethPair pair;
    private Path directory;

    @BeforeClass
    public void connect() throws IOException {
        SkipWithoutRoot.check();
        left = Namespace.create();
        right = Namespace.create();
        pair = VethPair.create(new NetDevice("left0", left), new NetDevice("right0", right));
        left.exec("ip", "addr", "add", "10.77.0.1/24", "dev", "left0");
        right.exec("ip", "addr", "add", "10.77.0.2/24", "dev", "right0");
        pair.up();
        directory = Scratch.directory("offloadkit-kernel-capture-");
    }

    @AfterClass(alwaysRun = true)
    public void disconnect() {
        if (left != null) {
            left.close();
            right.close();
        }
    }

    @Test
    public void aSendersCaptureWithChecksumOffloadOnIsRecognizedAndPasses() throws Exception {
        for (NetDevice end : List.of(pair.first(), pair.second())) {
            end.setFeatures(Map.of("tx-checksumming", true, "tcp-segmentation-offload", true));
        }
        Path capture = capture("offload-on.pcapng");
        assertEquals(PcapReader.readAll(capture).size(), Tshark.fields(capture, "frame.number").size(), "dumpcap's pcapng reads as tshark reads it");

        Summary summary = replay(capture);
        String rx = summary.notes.get("rx-checksum · offload-on.pcapng");
        assertTrue(rx.contains("Recognized: ") && rx.contains("captured on the sending host before its NIC's checksum offload"), rx);
        assertEquals(summary.counts.bad(), 0, summary.requirements.toString());
        assertTrue(summary.requirements.get("CSUM-TX-01").results.passed > 0);
    }

    @Test
    public void withChecksumOffloadOffTheKernelsSegmentsReplayAsLargeSends() throws Exception {
        // Both ends: the receiver's ACKs, captured arriving, would otherwise carry partial checksums too.
        for (NetDevice end : List.of(pair.first(), pair.second())) {
            end.setFeatures(Map.of("tx-checksumming", false, "tcp-segmentation-offload", false));
        }
        Path capture = capture("offload-off.pcapng");

        Summary summary = replay(capture);
        assertEquals(summary.counts.bad(), 0, summary.requirements.toString());
        String lso = summary.notes.get("lso · offload-off.pcapng");
        assertTrue(!lso.contains(" 0 used in 0 vectors"), lso);
        assertTrue(summary.requirements.get("GSO-TCP-04").results.passed > 0, lso);
        assertTrue(summary.requirements.get("GSO-UDP-02").results.passed > 0, summary.notes.get("uso · offload-off.pcapng"));
        assertTrue(summary.requirements.get("RSC-04").results.passed > 0);
        String rx = summary.notes.get("rx-checksum · offload-off.pcapng");
        assertTrue(!rx.contains("Recognized"), rx);
    }

    private Summary replay(Path capture) throws IOException {
        Path out = Files.createTempDirectory(directory, "out-");
        int status = OffloadKit.execute("replay", capture.toString(), "--out", out.toString(), "--no-report");
        Summary summary = Summary.read(out.resolve("summary.json"));
        assertEquals(status, 0, summary.notes.toString());
        return summary;
    }

    /** dumpcap on the sender while it sends 256 KiB over TCP and a dozen same-size UDP datagrams. */
    private Path capture(String name) throws Exception {
        Path file = directory.resolve(name);
        Process dumpcap = new ProcessBuilder("ip", "netns", "exec", left.name(), "dumpcap", "-q", "-i", "left0", "-w", file.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve(name + ".log").toFile()).start();
        try {
            awaitCapturing(dumpcap, file);
            sendTraffic();
            Thread.sleep(300); // dumpcap writes what it has seen; the last frames are in flight a moment
        } finally {
            dumpcap.destroy();
            dumpcap.waitFor(10, TimeUnit.SECONDS);
        }
        return file;
    }

    /** dumpcap writes the section and interface blocks as soon as it captures. */
    private static void awaitCapturing(Process dumpcap, Path file) {
        Awaitility.await("dumpcap capturing into " + file).atMost(Duration.ofSeconds(15)).until(() -> {
            if (!dumpcap.isAlive()) {
                throw new AssertionError("dumpcap ended with " + dumpcap.exitValue());
            }
            return Files.exists(file) && Files.size(file) > 0;
        });
    }

    private void sendTraffic() throws Exception {
        ServerSocket server = right.call(() -> new ServerSocket(5001, 1, InetAddress.getByName("10.77.0.2")));
        DatagramSocket receiver = right.call(() -> new DatagramSocket(new InetSocketAddress("10.77.0.2", 5002)));
        Thread sink = new Thread(() -> {
            try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                in.readAllBytes();
            } catch (IOException ignored) {
                // the test below sees what arrived in the capture
            }
        });
        sink.start();
        Socket client = left.call(() -> new Socket("10.77.0.2", 5001));
        try (OutputStream out = client.getOutputStream()) {
            byte[] data = new byte[TCP_BYTES];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) i;
            }
            out.write(data);
        }
        sink.join(10_000);
        server.close();
        DatagramSocket sender = left.call(DatagramSocket::new);
        byte[] datagram = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < DATAGRAMS; i++) {
            sender.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress("10.77.0.2", 5002)));
        }
        sender.close();
        receiver.close();
    }
}
