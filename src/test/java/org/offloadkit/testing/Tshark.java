package org.offloadkit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.offloadkit.pcap.PcapWriter;

/**
 * Wireshark's command line as an oracle: its dissectors were written by other people than ours, so where
 * they agree with our engines, both are likely right.
 */
public final class Tshark {
    /** Wireshark leaves checksums unverified unless asked, because offloading NICs hand captures wrong ones. */
    private static final List<String> VERIFY_CHECKSUMS = List.of(
            "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE");
    private static final String INSTALL_HINT = "tshark is required: apt-get install tshark";

    private Tshark() {}

    /** tshark's verdict on every checksum of every frame, in capture order. */
    public static List<OracleVerdict> checksums(Path pcap) {
        List<List<String>> rows = fields(pcap,
                "frame.number", "ip.checksum.status", "tcp.checksum.status", "udp.checksum.status");
        List<OracleVerdict> verdicts = new ArrayList<>();
        for (List<String> row : rows) {
            int frame = Integer.parseInt(row.get(0));
            if (frame != verdicts.size() + 1) {
                throw new IllegalStateException(pcap + ": tshark printed frame " + frame + " after " + verdicts.size() + " frames");
            }
            verdicts.add(new OracleVerdict(status(row, 1), status(row, 2), status(row, 3)));
        }
        return verdicts;
    }

    public static List<OracleVerdict> checksums(List<byte[]> frames) {
        return withCapture(frames, Tshark::checksums);
    }

    /** tshark's verdicts on many items' frames, from one run, keyed by each item's key. */
    public static <T, K> Map<K, OracleVerdict> checksums(List<T> items, Function<T, K> key, Function<T, byte[]> frame) {
        List<OracleVerdict> verdicts = checksums(items.stream().map(frame).toList());
        if (verdicts.size() != items.size()) {
            throw new IllegalStateException("tshark read back " + verdicts.size() + " of " + items.size() + " frames");
        }
        Map<K, OracleVerdict> keyed = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            keyed.put(key.apply(items.get(i)), verdicts.get(i));
        }
        return keyed;
    }

    /** One row per frame holding the fields asked for, each as tshark prints it, "" where the frame has none. */
    public static List<List<String>> fields(Path pcap, String... fields) {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString()));
        command.addAll(VERIFY_CHECKSUMS);
        command.addAll(List.of("-T", "fields"));
        for (String field : fields) {
            command.addAll(List.of("-e", field));
        }
        return run(command).lines().map(line -> List.of(line.split("\t", -1))).toList();
    }

    public static List<List<String>> fields(List<byte[]> frames, String... fields) {
        return withCapture(frames, pcap -> fields(pcap, fields));
    }

    /** A Wireshark command-line tool (tshark, editcap, mergecap, text2pcap) run to the end: its standard output. */
    public static String tool(String... command) {
        return run(List.of(command));
    }

    private static ChecksumStatus status(List<String> row, int column) {
        String field = row.get(column);
        if (field.contains(",")) {
            throw new IllegalStateException("frame " + row.get(0) + " has more than one such header: " + row);
        }
        return ChecksumStatus.parse(field);
    }

    private static String run(List<String> command) {
        Path errors = temporaryFile(".stderr");
        try {
            Process process = start(command, errors);
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + status + ": "
                        + Files.readString(errors).strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tshark ran", e);
        } finally {
            deleteQuietly(errors);
        }
    }

    /** stderr goes to a file, so that neither stream can fill its pipe and stall tshark. */
    private static Process start(List<String> command, Path errors) {
        try {
            return new ProcessBuilder(command).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            // A missing oracle must fail the build, never let its checks pass unseen.
            throw new AssertionError(INSTALL_HINT, e);
        }
    }

    private static <T> T withCapture(List<byte[]> frames, Function<Path, T> reading) {
        Path pcap = temporaryFile(".pcap");
        try {
            Files.write(pcap, PcapWriter.ethernet(frames, 0));
            return reading.apply(pcap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(pcap);
        }
    }

    private static Path temporaryFile(String suffix) {
        try {
            return Files.createTempFile("offloadkit-tshark-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
