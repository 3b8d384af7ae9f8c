package org.offloadkit.pcap;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;
import static org.testng.Assert.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.offloadkit.packet.CorpusFrames;
import org.offloadkit.packet.CorpusFrames.CorpusFrame;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * What PcapWriter writes, libpcap (through PcapReader) and Wireshark read back as written: the bytes,
 * the nanosecond timestamps and the original lengths.
 */
public class PcapRoundTripTest {
    private static final long START = 1_700_000_000_123_456_789L;
    /** A prime number of nanoseconds, so every digit of the timestamps moves. */
    private static final long STEP = 1_000_000_007L;

    private Path directory;

    @BeforeClass
    public void createDirectory() throws IOException {
        directory = Scratch.directory("offloadkit-pcap-test");
    }

    @AfterClass(alwaysRun = true)
    public void deleteDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    public void corpusFramesComeBackByteIdentical() {
        List<CorpusFrame> frames = CorpusFrames.all();
        List<PcapRecord> written = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            written.add(PcapRecord.of(START + i * STEP, frames.get(i).bytes()));
        }

        List<PcapRecord> read = PcapReader.readAll(write("corpus.pcap", written));

        assertEquals(read.size(), written.size());
        for (int i = 0; i < written.size(); i++) {
            assertSameRecord(read.get(i), written.get(i), frames.get(i).name());
        }
    }

    /** A capture cut by its snap length keeps the length the frame had on the wire. */
    @Test
    public void aSnappedRecordKeepsItsOriginalLength() {
        PcapRecord snapped = new PcapRecord(START, Arrays.copyOf(CorpusFrames.all().get(0).bytes(), 54), 1514);

        List<PcapRecord> read = PcapReader.readAll(write("snapped.pcap", List.of(snapped)));

        assertEquals(read.size(), 1);
        assertEquals(read.get(0).data().length, 54);
        assertEquals(read.get(0).originalLength(), 1514);
    }

    /** pcap counts seconds in an unsigned 32-bit field, good until 2106; 2^31 seconds fall in January 2038. */
    @Test
    public void timestampsPast2038ComeBackUnchanged() {
        long pastSignedSeconds = (1L << 31) * 1_000_000_000L + 5;
        long december2040 = 2_240_000_000_999_999_999L;
        List<PcapRecord> written = List.of(PcapRecord.of(pastSignedSeconds, frame(0)), PcapRecord.of(december2040, frame(1)));

        List<PcapRecord> read = PcapReader.readAll(write("after-2038.pcap", written));

        assertEquals(read.get(0).timestampNanos(), pastSignedSeconds);
        assertEquals(read.get(1).timestampNanos(), december2040);
    }

    @Test
    public void ethernetCapturesAreLinkType1() {
        try (PcapReader reader = PcapReader.open(write("link.pcap", List.of(PcapRecord.of(START, frame(0)))))) {
            assertEquals(reader.linkType(), 1);
        }
    }

    @Test
    public void ethernetCaptureSpacesFramesOneMicrosecondApart() {
        Path file = directory.resolve("evidence.pcap");
        writeBytes(file, PcapWriter.ethernet(List.of(frame(0), frame(1), frame(2)), START));

        List<PcapRecord> read = PcapReader.readAll(file);

        assertEquals(read.stream().map(PcapRecord::timestampNanos).toList(), List.of(START, START + 1_000, START + 2_000));
        assertEquals(read.get(2).data(), frame(2));
    }

    @Test
    public void tsharkReadsLengthsAndNanosecondTimestamps() {
        List<PcapRecord> written = List.of(
                PcapRecord.of(START, frame(0)),
                new PcapRecord(START + STEP, Arrays.copyOf(frame(1), 54), 1514),
                PcapRecord.of(1_000_000_000L * 1_000_000_000L, frame(2)));
        Path file = write("tshark.pcap", written);

        List<String> lines = run("tshark", "-r", file.toString(), "-T", "fields",
                "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.time_epoch");

        List<String> expected = written.stream().map(r -> r.originalLength() + "\t" + r.data().length + "\t"
                + r.timestampNanos() / 1_000_000_000L + "." + String.format("%09d", r.timestampNanos() % 1_000_000_000L)).toList();
        assertEquals(lines, expected);
    }

    /** Real captures come as pcapng, which PcapReader reads through libpcap too. */
    @Test
    public void pcapngConvertedByEditcapReadsBack() {
        List<PcapRecord> written = List.of(PcapRecord.of(START, frame(0)), PcapRecord.of(START + STEP, frame(1)));
        Path pcap = write("to-convert.pcap", written);
        Path pcapng = directory.resolve("converted.pcapng");
        run("editcap", "-F", "pcapng", pcap.toString(), pcapng.toString());

        List<PcapRecord> read = PcapReader.readAll(pcapng);

        assertEquals(read.size(), 2);
        assertSameRecord(read.get(0), written.get(0), "packet 1");
        assertSameRecord(read.get(1), written.get(1), "packet 2");
    }

    @Test
    public void aFileThatIsNoCaptureIsAPcapExceptionNamingIt() {
        Path file = directory.resolve("not-a-capture.pcap");
        writeBytes(file, "this is text, not a capture\n".getBytes(StandardCharsets.US_ASCII));

        PcapException e = expectThrows(PcapException.class, () -> PcapReader.readAll(file));

        assertTrue(e.getMessage().contains("not-a-capture.pcap"), e.getMessage());
    }

    // ---------------------------------------------------------------- building blocks

    private static byte[] frame(int index) {
        return CorpusFrames.all().get(index).bytes();
    }

    private static void assertSameRecord(PcapRecord read, PcapRecord written, String what) {
        assertEquals(read.data(), written.data(), what + ": bytes");
        assertEquals(read.timestampNanos(), written.timestampNanos(), what + ": timestamp");
        assertEquals(read.originalLength(), written.originalLength(), what + ": original length");
    }

    private Path write(String name, List<PcapRecord> records) {
        Path file = directory.resolve(name);
        try (PcapWriter writer = new PcapWriter(Files.newOutputStream(file), PcapWriter.LINKTYPE_ETHERNET)) {
            records.forEach(writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tool's standard output lines; a failure carries its standard error. */
    private List<String> run(String... command) {
        try {
            Path errors = Files.createTempFile(directory, command[0], ".stderr");
            Process process = start(command, errors);
            List<String> lines;
            try (var out = process.inputReader(StandardCharsets.UTF_8)) {
                lines = out.lines().toList();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command[0] + " did not finish in 60 s");
            }
            assertEquals(process.exitValue(), 0, String.join(" ", command) + ": " + Files.readString(errors));
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** editcap comes with tshark (package wireshark-common, which tshark depends on). */
    private static Process start(String[] command, Path errors) {
        try {
            return new ProcessBuilder(command).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("tshark is required: apt-get install tshark", e);
        }
    }

    @Test
    public void timestampsPcapCannotHoldAreRefused() {
        PcapWriter writer = new PcapWriter(java.io.OutputStream.nullOutputStream(), PcapWriter.LINKTYPE_ETHERNET);
        expectThrows(IllegalArgumentException.class, () -> writer.write(PcapRecord.of(-1, new byte[60])));
        expectThrows(IllegalArgumentException.class, () -> writer.write(PcapRecord.of((1L << 32) * 1_000_000_000L, new byte[60])));
        writer.write(PcapRecord.of((1L << 32) * 1_000_000_000L - 1, new byte[60]));
    }
}
