package org.offloadkit.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.offloadkit.corpus.RxChecksumVector;
import org.offloadkit.corpus.TxChecksumVector;
import org.offloadkit.pcap.PcapReader;
import org.offloadkit.pcap.PcapRecord;
import org.offloadkit.reference.RxChecksumEvaluator;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.replay.CaptureFrames;
import org.offloadkit.replay.CapturedFrame;
import org.offloadkit.replay.Progress;
import org.offloadkit.replay.RxChecksumDerivation;
import org.offloadkit.replay.TxChecksumDerivation;
import org.offloadkit.replay.VectorGroup;
import org.offloadkit.spec.RxChecksumOffload;
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
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/**
 * Replay from file to judged expectation, packets per second on one thread, over a capture of a busy link
 * ({@link LargeCapture}: 1,448-byte TCP segments, an ACK back every second one, some UDP; 8 MiB, in the page
 * cache). Beside the kit's paths, in the same run, libpcap's reading through Pcap4J: alone, and feeding the
 * very same classification and reference.
 *
 * <ul>
 *   <li>{@code readJava} / {@code readPcap4j}: reading only, every record's bytes in a Java array;
 *   <li>{@code txChecksumJava}: reading, link conversion, parsing, the Tx checksum vector as the stack hands it
 *       over, and the reference engine's expected frame; {@code txChecksumPcap4j}: the same fed by Pcap4J;
 *   <li>{@code rxChecksumJava}: reading to the reference's Rx verdict on every packet;
 *   <li>{@code filterJava} / {@code filterPcap4j}: with the BPF filter "tcp", by libpcap's program run on
 *       the Java reader's records, and by libpcap reading with the filter set.
 * </ul>
 *
 * <p>{@code mvn -Pbench test-compile exec:exec -Dbench=ReplayBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class ReplayBench {
    static final int MEBIBYTES = 8;

    private Path capture;
    private long packets;

    @Setup(Level.Trial)
    public void writeCapture() throws IOException {
        capture = Files.createTempFile("offloadkit-replay-bench-", ".pcap");
        packets = LargeCapture.write(capture, (long) MEBIBYTES << 20);
        if (packets != PACKETS) {
            throw new IllegalStateException("the capture has " + packets + " packets; set PACKETS to it");
        }
    }

    @TearDown(Level.Trial)
    public void deleteCapture() throws IOException {
        Files.deleteIfExists(capture);
    }

    /** Packets in the capture: what one operation reads. */
    static final int PACKETS = 8_103;

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public void readJava(Blackhole bh) {
        try (PcapReader reader = PcapReader.open(capture)) {
            for (PcapRecord r = reader.next(); r != null; r = reader.next()) {
                bh.consume(r);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public void readPcap4j(Blackhole bh) throws Exception {
        try (PcapHandle handle = Pcaps.openOffline(capture.toString(), TimestampPrecision.NANO)) {
            readAll(handle, bh);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public void txChecksumJava(Blackhole bh) {
        try (CaptureFrames frames = CaptureFrames.open(capture, null, Progress.silent())) {
            TxChecksumDerivation d = new TxChecksumDerivation(frames, 64);
            while (d.hasNext()) {
                VectorGroup<TxChecksumVector> g = d.next();
                for (TxChecksumVector v : g.vectors()) {
                    bh.consume(TxChecksumEngine.apply(v.frame(), v.layout(), v.request()));
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public void txChecksumPcap4j(Blackhole bh) throws Exception {
        try (PcapHandle handle = Pcaps.openOffline(capture.toString(), TimestampPrecision.NANO)) {
            long number = 0;
            while (true) {
                byte[] data;
                try {
                    data = handle.getNextRawPacketEx();
                } catch (EOFException end) {
                    break;
                }
                CapturedFrame f = CaptureFrames.classify(++number, handle.getDlt().value(),
                        new PcapRecord(0, data, handle.getOriginalLength()));
                if (f.whyNotAWholeIpPacket() == null) {
                    TxChecksumVector v = TxChecksumDerivation.vector("bench", f);
                    bh.consume(TxChecksumEngine.apply(v.frame(), v.layout(), v.request()));
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public void rxChecksumJava(Blackhole bh) {
        try (CaptureFrames frames = CaptureFrames.open(capture, null, Progress.silent())) {
            RxChecksumDerivation d = new RxChecksumDerivation(frames, 64);
            while (d.hasNext()) {
                for (RxChecksumVector v : d.next().vectors()) {
                    bh.consume(RxChecksumEvaluator.indicate(v.frame(), RxChecksumOffload.ALL));
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public void filterJava(Blackhole bh) {
        try (PcapReader reader = PcapReader.open(capture, "tcp")) {
            for (PcapRecord r = reader.next(); r != null; r = reader.next()) {
                bh.consume(r);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public void filterPcap4j(Blackhole bh) throws Exception {
        try (PcapHandle handle = Pcaps.openOffline(capture.toString(), TimestampPrecision.NANO)) {
            handle.setFilter("tcp", BpfCompileMode.OPTIMIZE);
            readAll(handle, bh);
        }
    }

    private static void readAll(PcapHandle handle, Blackhole bh) throws PcapNativeException, TimeoutException, NotOpenException {
        while (true) {
            try {
                bh.consume(handle.getNextRawPacketEx());
                bh.consume(handle.getTimestamp());
            } catch (EOFException end) {
                return;
            }
        }
    }
}
