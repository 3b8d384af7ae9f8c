package org.offloadkit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.offloadkit.linux.LinuxHost;
import org.offloadkit.linux.RealTraffic;
import org.offloadkit.linux.VnetFrame;
import org.offloadkit.pcap.PcapWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "capture-real", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Capture real kernel traffic between two network namespaces, on the receive side: a TCP bulk "
                + "transfer with TSO and GRO on and off, a UDP burst without and with UDP GSO (by the device, by the kernel).",
                "",
                "Writes NAME.pcap for each and captures.json (the features each ran with, every frame's virtio-net header). "
                        + "Needs root."})
final class CaptureRealCommand implements Callable<Integer> {
    private static final int TCP_BYTES = 128 * 1024;
    private static final int UDP_DATAGRAMS = 10;
    private static final int UDP_PAYLOAD = 1400;
    private static final long EPOCH_NANOS = 1_767_225_600_000_000_000L; // 2026-01-01: timestamps give order only

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "pcaps/real",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    /** One capture of the set: its file name, what it shows, and how it is made. */
    private record Case(String name, String shows, Supplier<RealTraffic.Capture> make) {}

    @Override
    public Integer call() {
        LinuxHost.problem().ifPresent(problem -> {
            throw new SetupException("capture-real: " + problem);
        });
        try (RealTraffic traffic = RealTraffic.open()) {
            List<Case> cases = List.of(
                    tcp(traffic, true, true), tcp(traffic, true, false), tcp(traffic, false, true), tcp(traffic, false, false),
                    new Case("udp-burst", UDP_DATAGRAMS + " datagrams of " + UDP_PAYLOAD + " bytes, one send each",
                            () -> traffic.udpBurst(UDP_DATAGRAMS, UDP_PAYLOAD, false, true)),
                    new Case("udp-gso-device", "one UDP_SEGMENT send of " + UDP_DATAGRAMS + " x " + UDP_PAYLOAD
                            + " bytes, the sender's tx-udp-segmentation on", () -> traffic.udpBurst(UDP_DATAGRAMS, UDP_PAYLOAD, true, true)),
                    new Case("udp-gso-kernel", "one UDP_SEGMENT send of " + UDP_DATAGRAMS + " x " + UDP_PAYLOAD
                            + " bytes, the sender's tx-udp-segmentation off", () -> traffic.udpBurst(UDP_DATAGRAMS, UDP_PAYLOAD, true, false)));
            Files.createDirectories(out);
            List<Map<String, Object>> manifest = new ArrayList<>();
            for (Case c : cases) {
                RealTraffic.Capture capture = c.make().get();
                List<byte[]> frames = capture.frames().stream().map(VnetFrame::frame).toList();
                Path file = out.resolve(c.name() + ".pcap");
                Files.write(file, PcapWriter.ethernet(frames, EPOCH_NANOS));
                manifest.add(entry(c, capture, file));
                System.out.printf("%-24s %3d frames, %7d bytes: %s%n", file.getFileName(), frames.size(), Files.size(file), c.shows());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("captures.json").toFile(),
                    Map.of("kernel", System.getProperty("os.version"), "captures", manifest));
            System.out.println("Manifest: " + out.resolve("captures.json"));
            return OffloadKit.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case tcp(RealTraffic traffic, boolean tso, boolean gro) {
        return new Case("tcp-tso-" + onOff(tso) + "-gro-" + onOff(gro), "a TCP bulk transfer of " + TCP_BYTES + " bytes, the sender's TSO "
                + onOff(tso) + ", the receiver's GRO " + onOff(gro), () -> traffic.tcpBulk(TCP_BYTES, tso, gro));
    }

    private static Map<String, Object> entry(Case c, RealTraffic.Capture capture, Path file) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", file.getFileName().toString());
        entry.put("shows", c.shows());
        entry.put("senderFeatures", capture.features().sender());
        entry.put("receiverFeatures", capture.features().receiver());
        entry.put("frames", capture.frames().size());
        entry.put("virtioNetHeaders", capture.frames().stream().map(f -> f.header().toString()).toList());
        return entry;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
