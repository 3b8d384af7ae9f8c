package org.offloadkit.pcap;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.offloadkit.packet.CorpusFrames;
import org.offloadkit.testing.ProjectDir;
import org.offloadkit.testing.Scratch;
import org.offloadkit.testing.Tshark;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.Pcaps;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The Java reader beside two independent readers: libpcap (through Pcap4J) on every capture of the corpus and
 * their pcapng conversions, and tshark on captures libpcap cannot read (interfaces of different link types)
 * or written in the other byte order. Corrupt files fail at the record, with the byte offset, after the
 * records before it.
 */
public class PcapReaderTest {
    private static final byte[] IPV4_PAYLOAD = Arrays.copyOfRange(frame(0), 14, frame(0).length);

    private Path directory;

    @BeforeClass
    public void createDirectory() throws IOException {
        directory = Scratch.directory("offloadkit-reader-test");
    }

    @AfterClass(alwaysRun = true)
    public void deleteDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @DataProvider
    public Object[][] corpusCaptures() throws IOException {
        try (Stream<Path> files = Files.walk(ProjectDir.root().resolve("pcaps"))) {
            return files.filter(f -> f.toString().endsWith(".pcap")).sorted().map(f -> new Object[] {f}).toArray(Object[][]::new);
        }
    }

    @Test(dataProvider = "corpusCaptures")
    public void agreesWithLibpcapOnTheCorpus(Path capture) {
        assertSameAsLibpcap(capture);
    }

    @Test(dataProvider = "corpusCaptures")
    public void agreesWithLibpcapOnTheCorpusAsPcapng(Path capture) {
        Path pcapng = directory.resolve(capture.getFileName() + "ng");
        Tshark.tool("editcap", "-F", "pcapng", capture.toString(), pcapng.toString());
        assertSameAsLibpcap(pcapng);
    }

    @Test
    public void microsecondPcapInBothByteOrdersAgreesWithTshark() {
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            Path file = write("micro-" + order + ".pcap", CaptureBytes.pcap(order, false, LinkType.ETHERNET, 65535)
                    .record(1_700_000_000L, 999_999, frame(0), frame(0).length)
                    .record(1_700_000_001L, 5, Arrays.copyOf(frame(1), 40), 1514).bytes());
            List<PcapRecord> read = PcapReader.readAll(file);
            assertEquals(read.get(0).timestampNanos(), 1_700_000_000_999_999_000L, order.toString());
            assertEquals(read.get(1).timestampNanos(), 1_700_000_001_000_005_000L, order.toString());
            assertEquals(read.get(1).originalLength(), 1514, "a snap-cut record keeps its length on the wire");
            assertEquals(read.get(1).data(), Arrays.copyOf(frame(1), 40));
            assertEquals(describe(file, read), tshark(file), order.toString());
        }
    }

    @Test
    public void nanosecondPcapInBothByteOrdersAgreesWithTshark() {
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            Path file = write("nano-" + order + ".pcap", CaptureBytes.pcap(order, true, LinkType.RAW, 65535)
                    .record(1_700_000_000L, 123_456_789, IPV4_PAYLOAD, IPV4_PAYLOAD.length).bytes());
            List<PcapRecord> read = PcapReader.readAll(file);
            assertEquals(read.get(0).timestampNanos(), 1_700_000_000_123_456_789L);
            try (PcapReader reader = PcapReader.open(file)) {
                reader.next();
                assertEquals(reader.linkType(), LinkType.RAW);
            }
            assertEquals(describe(file, read), tshark(file), order.toString());
        }
    }

    /** libpcap refuses this capture ("an interface has a type 101 different from the type of the first"); tshark reads it. */
    @Test
    public void pcapngWithInterfacesOfDifferentLinkTypesInBothByteOrdersAgreesWithTshark() {
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            byte[] bytes = CaptureBytes.pcapng(order)
                    .iface(LinkType.ETHERNET, 65535, -1)
                    .iface(LinkType.RAW, 65535, 9)
                    .enhanced(0, 1_700_000_000_000_001L, frame(0), frame(0).length)
                    .nameResolution()
                    .enhanced(1, 1_700_000_000_000_000_007L, IPV4_PAYLOAD, IPV4_PAYLOAD.length)
                    .obsolete(0, 1_700_000_002_000_000L, frame(1), frame(1).length)
                    .enhanced(0, 1_700_000_003_000_000L, Arrays.copyOf(frame(2), 34), 1514)
                    .simple(frame(3), frame(3).length)
                    .bytes();
            Path file = write("mixed-" + order + ".pcapng", bytes);
            List<PcapRecord> read = new ArrayList<>();
            List<Integer> linkTypes = new ArrayList<>();
            try (PcapReader reader = PcapReader.open(file)) {
                for (PcapRecord r = reader.next(); r != null; r = reader.next()) {
                    read.add(r);
                    linkTypes.add(reader.linkType());
                }
            }
            assertEquals(linkTypes, List.of(1, 101, 1, 1, 1));
            assertEquals(read.get(1).timestampNanos(), 1_700_000_000_000_000_007L, "if_tsresol 9: nanoseconds");
            assertEquals(read.get(0).timestampNanos(), 1_700_000_000_000_001_000L, "default resolution: microseconds");
            assertEquals(read.get(3).originalLength(), 1514);
            assertEquals(read.get(4).data(), frame(3), "a simple packet block");
            List<String> tshark = tshark(file);
            assertEquals(describe(file, read).subList(0, 4), tshark.subList(0, 4), order.toString());
            // A simple packet block has no timestamp: tshark shows none, the reader 0.
            assertEquals(tshark.get(4), frame(3).length + "\t" + frame(3).length + "\t", order.toString());
        }
    }

    @Test
    public void aSecondSectionMayChangeTheByteOrderAndRenumbersInterfaces() {
        byte[] bytes = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).iface(LinkType.ETHERNET, 0, -1)
                .enhanced(0, 1, frame(0), frame(0).length).bytes();
        byte[] second = CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).iface(LinkType.IPV4, 0, -1)
                .enhanced(0, 2, IPV4_PAYLOAD, IPV4_PAYLOAD.length).bytes();
        Path file = write("two-sections.pcapng", concat(bytes, second));
        List<Integer> linkTypes = new ArrayList<>();
        try (PcapReader reader = PcapReader.open(file)) {
            for (PcapRecord r = reader.next(); r != null; r = reader.next()) {
                linkTypes.add(reader.linkType());
            }
        }
        assertEquals(linkTypes, List.of(LinkType.ETHERNET, LinkType.IPV4));
    }

    // ---------------------------------------------------------------- corrupt files

    @Test
    public void aCaptureCutInsideARecordFailsAtItsOffsetAfterTheRecordsBefore() {
        byte[] whole = CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, 1, 65535)
                .record(1, 0, frame(0), frame(0).length).record(2, 0, frame(1), frame(1).length).bytes();
        Path file = write("cut.pcap", Arrays.copyOf(whole, whole.length - 3));
        long secondRecord = 24 + 16 + frame(0).length;
        try (PcapReader reader = PcapReader.open(file)) {
            assertEquals(reader.next().data(), frame(0));
            PcapException e = expectThrows(PcapException.class, reader::next);
            assertEquals(e.offset(), secondRecord);
            assertTrue(e.getMessage().contains("cut.pcap: at byte " + secondRecord + ": record 2: the file ends inside it"), e.getMessage());
        }
    }

    @Test
    public void anImpossibleLengthIsCorruptionNamedWithItsOffset() {
        Path file = write("huge.pcap", CaptureBytes.pcap(ByteOrder.BIG_ENDIAN, false, 1, 65535)
                .record(1, 0, frame(0), frame(0).length).raw(new byte[] {0, 0, 0, 2, 0, 0, 0, 0, 0x7f, 0, 0, 0, 0, 0, 0, 60}).bytes());
        try (PcapReader reader = PcapReader.open(file)) {
            reader.next();
            PcapException e = expectThrows(PcapException.class, reader::next);
            assertEquals(e.offset(), 24 + 16 + frame(0).length);
            assertTrue(e.getMessage().contains("impossible"), e.getMessage());
        }
    }

    @Test
    public void pcapngBlockWhoseTrailingLengthDisagreesIsCorrupt() {
        byte[] good = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).iface(1, 0, -1).enhanced(0, 1, frame(0), frame(0).length).bytes();
        byte[] bad = CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN).enhanced(0, 2, frame(1), frame(1).length).bytes();
        int sectionHeader = 28;
        byte[] block = Arrays.copyOfRange(bad, sectionHeader, bad.length);
        block[block.length - 4] ^= 0x10;
        Path file = write("trailing.pcapng", concat(good, block));
        try (PcapReader reader = PcapReader.open(file)) {
            reader.next();
            PcapException e = expectThrows(PcapException.class, reader::next);
            assertEquals(e.offset(), good.length);
            assertTrue(e.getMessage().contains("trailing length"), e.getMessage());
        }
    }

    @Test
    public void aPacketOfAnUndescribedInterfaceIsCorrupt() {
        Path file = write("no-interface.pcapng", CaptureBytes.pcapng(ByteOrder.BIG_ENDIAN).iface(1, 0, -1)
                .enhanced(3, 1, frame(0), frame(0).length).bytes());
        PcapException e = expectThrows(PcapException.class, () -> PcapReader.readAll(file));
        assertTrue(e.getMessage().contains("names interface 3"), e.getMessage());
    }

    @Test
    public void aFileThatIsNoCaptureFailsAtByteZero() {
        Path file = write("text.pcap", "definitely not a capture".getBytes());
        PcapException e = expectThrows(PcapException.class, () -> PcapReader.open(file));
        assertEquals(e.offset(), 0);
        assertTrue(e.getMessage().contains("magic number"), e.getMessage());
        Path empty = write("empty.pcap", new byte[0]);
        expectThrows(PcapException.class, () -> PcapReader.open(empty));
    }

    @Test
    public void aMissingFileIsAPcapException() {
        PcapException e = expectThrows(PcapException.class, () -> PcapReader.open(directory.resolve("absent.pcap")));
        assertTrue(e.getMessage().contains("absent.pcap"), e.getMessage());
    }

    /** Records larger than the ordinary buffer (a 9,000-byte jumbo and a 2 MiB block) read whole, and reading goes on. */
    @Test
    public void recordsLargerThanTheBufferReadWhole() {
        byte[] big = new byte[2 * 1024 * 1024 + 3];
        big[big.length - 1] = 42;
        Path file = write("big.pcap", CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, 1, big.length)
                .record(1, 0, new byte[9000], 9000).record(2, 0, big, big.length).record(3, 0, frame(0), frame(0).length).bytes());
        List<PcapRecord> read = PcapReader.readAll(file);
        assertEquals(read.size(), 3);
        assertEquals(read.get(1).data(), big);
        assertEquals(read.get(2).data(), frame(0));
    }

    // ---------------------------------------------------------------- BPF filters

    @Test
    public void aFilterKeepsWhatLibpcapKeepsAndPacketNumbersCountEveryRecord() throws Exception {
        Path capture = ProjectDir.root().resolve("pcaps/checksum/rx.pcap");
        List<byte[]> libpcap = new ArrayList<>();
        try (PcapHandle handle = Pcaps.openOffline(capture.toString(), TimestampPrecision.NANO)) {
            handle.setFilter("udp and ip6", org.pcap4j.core.BpfProgram.BpfCompileMode.OPTIMIZE);
            while (true) {
                try {
                    libpcap.add(handle.getNextRawPacketEx());
                } catch (EOFException end) {
                    break;
                }
            }
        }
        List<byte[]> ours = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (PcapReader reader = PcapReader.open(capture, "udp and ip6")) {
            for (PcapRecord r = reader.next(); r != null; r = reader.next()) {
                ours.add(r.data());
                numbers.add(reader.packetNumber());
            }
        }
        assertTrue(libpcap.size() > 0);
        assertEquals(ours.size(), libpcap.size());
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(ours.get(i), libpcap.get(i));
        }
        assertTrue(numbers.get(numbers.size() - 1) > ours.size(), "packet numbers count the records the filter dropped");
    }

    @Test
    public void aFilterRunsPerLinkTypeInAMixedPcapng() {
        Path file = write("mixed-filter.pcapng", CaptureBytes.pcapng(ByteOrder.LITTLE_ENDIAN)
                .iface(LinkType.ETHERNET, 0, -1).iface(LinkType.RAW, 0, -1)
                .enhanced(0, 1, frame(0), frame(0).length).enhanced(1, 2, IPV4_PAYLOAD, IPV4_PAYLOAD.length).bytes());
        String protocol = (frame(0)[23] & 0xFF) == 6 ? "tcp" : "udp";
        try (PcapReader reader = PcapReader.open(file, protocol)) {
            reader.next();
            assertEquals(reader.linkType(), LinkType.ETHERNET);
            reader.next();
            assertEquals(reader.linkType(), LinkType.RAW);
            assertNull(reader.next());
        }
    }

    @Test
    public void aFilterThatDoesNotCompileIsAClearError() {
        Path file = write("f.pcap", CaptureBytes.pcap(ByteOrder.LITTLE_ENDIAN, false, 1, 65535).bytes());
        PcapException e = expectThrows(PcapException.class, () -> PcapReader.open(file, "tcp and and"));
        assertTrue(e.getMessage().contains("does not compile"), e.getMessage());
    }

    // ---------------------------------------------------------------- building blocks

    private static void assertSameAsLibpcap(Path capture) {
        List<PcapRecord> ours = PcapReader.readAll(capture);
        List<PcapRecord> libpcap = new ArrayList<>();
        try (PcapHandle handle = Pcaps.openOffline(capture.toString(), TimestampPrecision.NANO)) {
            while (true) {
                try {
                    byte[] data = handle.getNextRawPacketEx();
                    java.sql.Timestamp ts = handle.getTimestamp();
                    libpcap.add(new PcapRecord(Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos(), data,
                            handle.getOriginalLength()));
                } catch (EOFException end) {
                    break;
                }
            }
        } catch (Exception e) {
            throw new AssertionError(capture + ": libpcap: " + e, e);
        }
        assertEquals(ours.size(), libpcap.size(), capture + ": records");
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(ours.get(i).data(), libpcap.get(i).data(), capture + " record " + (i + 1));
            assertEquals(ours.get(i).timestampNanos(), libpcap.get(i).timestampNanos(), capture + " record " + (i + 1));
            assertEquals(ours.get(i).originalLength(), libpcap.get(i).originalLength(), capture + " record " + (i + 1));
        }
    }

    /** What tshark prints for each record: original length, captured length, epoch time. */
    private static List<String> describe(Path file, List<PcapRecord> records) {
        return records.stream().map(r -> r.originalLength() + "\t" + r.data().length + "\t"
                + r.timestampNanos() / 1_000_000_000L + "." + String.format("%09d", r.timestampNanos() % 1_000_000_000L)).toList();
    }

    private List<String> tshark(Path file) {
        return Tshark.fields(file, "frame.len", "frame.cap_len", "frame.time_epoch").stream().map(row -> String.join("\t", row)).toList();
    }

    private static byte[] frame(int index) {
        return CorpusFrames.all().get(index).bytes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private Path write(String name, byte[] bytes) {
        Path file = directory.resolve(name);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
