package org.offloadkit.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.offloadkit.linux.SkipWithoutRoot;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.pcap.PcapReader;
import org.offloadkit.pcap.PcapRecord;
import org.offloadkit.testing.ProjectDir;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ci/capture-real-traffic.sh, run as a user runs it (with a launcher on the test class path in place of the
 * built kit): every capture is there, opens through libpcap, and shows what the kernel did with the
 * features it ran with. The captures committed under pcaps/real/ are read the same way.
 */
public class CaptureRealTrafficTest {
    private static final List<String> CAPTURES = List.of("tcp-tso-on-gro-on", "tcp-tso-on-gro-off", "tcp-tso-off-gro-on",
            "tcp-tso-off-gro-off", "udp-burst", "udp-gso-device", "udp-gso-kernel");
    private static final int ETHERNET_MTU_FRAME = 1514;
    private Path out;
    private String printed;

    @BeforeClass
    public void runTheScript() throws IOException, InterruptedException {
        SkipWithoutRoot.check();
        out = Scratch.directory("offloadkit-real-");
        Path launcher = Files.createFile(Scratch.directory("offloadkit-launcher-").resolve("offloadkit"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' " + OffloadKit.class.getName() + " \"$@\"\n");
        ProcessBuilder script = new ProcessBuilder(ProjectDir.root().resolve("ci/capture-real-traffic.sh").toString(), out.toString())
                .redirectErrorStream(true);
        script.environment().put("OFFLOADKIT", launcher.toString());
        Process process = script.start();
        printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(process.exitValue(), 0, printed);
    }

    @Test
    public void writesEveryCaptureAndItsManifest() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("captures.json").toFile());
        assertEquals(manifest.path("captures").size(), CAPTURES.size());
        for (String name : CAPTURES) {
            Path file = out.resolve(name + ".pcap");
            assertTrue(Files.size(file) < 512 * 1024, name + " stays small");
            assertTrue(printed.contains(name + ".pcap"), printed);
        }
    }

    @Test
    public void segmentationAndGroShowAsTheKernelDidThem() {
        assertTrue(frames(out, "tcp-tso-off-gro-off").stream().allMatch(f -> f.length <= ETHERNET_MTU_FRAME),
                "no offload anywhere: wire-size segments only");
        assertTrue(largest(out, "tcp-tso-off-gro-on") > ETHERNET_MTU_FRAME, "GRO coalesced the kernel's segments");
        assertTrue(largest(out, "tcp-tso-on-gro-off") > ETHERNET_MTU_FRAME, "veth hands TSO units on whole");
        assertEquals(udpDatagrams(out, "udp-burst"), 10);
        assertEquals(udpDatagrams(out, "udp-gso-kernel"), 10, "the kernel segmented the UDP_SEGMENT send");
        assertEquals(udpDatagrams(out, "udp-gso-device"), 1, "veth hands the USO unit on whole");
        assertEquals(udpPayload(out, "udp-gso-device"), udpPayload(out, "udp-gso-kernel"));
    }

    @Test
    public void theCommittedCapturesAreTheScriptsAndOpen() {
        Path committed = ProjectDir.root().resolve("pcaps/real");
        for (String name : CAPTURES) {
            assertTrue(!frames(committed, name).isEmpty(), name);
        }
        assertTrue(frames(committed, "tcp-tso-off-gro-off").stream().allMatch(f -> f.length <= ETHERNET_MTU_FRAME));
        assertEquals(udpDatagrams(committed, "udp-gso-kernel"), 10);
    }

    private static List<byte[]> frames(Path dir, String name) {
        return PcapReader.readAll(dir.resolve(name + ".pcap")).stream().map(PcapRecord::data).toList();
    }

    private static int largest(Path dir, String name) {
        return frames(dir, name).stream().mapToInt(f -> f.length).max().orElse(0);
    }

    private static long udpDatagrams(Path dir, String name) {
        return frames(dir, name).stream().filter(f -> FrameParser.parse(f) instanceof FrameLayout l && l.isUdp()).count();
    }

    private static long udpPayload(Path dir, String name) {
        return frames(dir, name).stream().map(FrameParser::parse).filter(p -> p instanceof FrameLayout l && l.isUdp())
                .mapToLong(p -> p.layout().payloadLength()).sum();
    }
}
