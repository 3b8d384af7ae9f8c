package org.offloadkit.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.offloadkit.pcap.PcapReader;
import org.offloadkit.pcap.PcapRecord;
import org.offloadkit.pcap.PcapWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/**
 * Reading a capture of 10,000 frames of the checksum corpus (in the page cache) through the kit's
 * {@link PcapReader}, whatever reads the bytes behind it, beside Pcap4J reading the same file through libpcap
 * in the same run, records only, nothing parsed. Scores are packets per second.
 *
 * <p>{@code mvn -Pbench test-compile exec:exec -Dbench=PcapRead}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PcapReadBenchmark {
    static final int PACKETS = 10_000;

    Path capture;

    @Setup(Level.Trial)
    public void writeTheCapture() throws IOException {
        capture = Files.createTempFile("offloadkit-bench-", ".pcap");
        Files.write(capture, PcapWriter.ethernet(FrameParserBenchmark.corpusFrames(PACKETS), 1_767_225_600_000_000_000L));
    }

    @TearDown(Level.Trial)
    public void deleteTheCapture() throws IOException {
        Files.deleteIfExists(capture);
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public void pcapReader(Blackhole sink) {
        try (PcapReader reader = PcapReader.open(capture)) {
            for (PcapRecord r = reader.next(); r != null; r = reader.next()) {
                sink.consume(r);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public void pcap4jLibpcap(Blackhole sink) throws PcapNativeException, NotOpenException, TimeoutException {
        PcapHandle handle = Pcaps.openOffline(capture.toString(), PcapHandle.TimestampPrecision.NANO);
        try {
            while (true) {
                sink.consume(handle.getNextRawPacketEx());
                sink.consume(handle.getTimestamp());
            }
        } catch (EOFException end) {
            sink.consume(end);
        } finally {
            handle.close();
        }
    }
}
