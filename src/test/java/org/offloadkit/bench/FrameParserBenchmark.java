package org.offloadkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.offloadkit.packet.FrameParser;
import org.offloadkit.pcap.PcapReader;
import org.offloadkit.pcap.PcapRecord;
import org.offloadkit.testing.ProjectDir;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;

/**
 * The frame layout parser over the checksum corpus's frames (every shape the kit judges: VLAN tags, IPv4
 * options, IPv6 extension headers, TCP options, UDP, fragments, malformed ones), beside Pcap4J parsing the
 * same frames in the same run. Scores are frames per second. Pcap4J builds an object per header, which is
 * what a kit that used it to read frames would pay; the layout parser reads only what NET_PACKET_LAYOUT holds.
 *
 * <p>{@code mvn -Pbench test-compile exec:exec -Dbench=FrameParser}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameParserBenchmark {
    static final int FRAMES = 512;

    byte[][] frames;

    @Setup
    public void readTheCorpus() {
        frames = corpusFrames(FRAMES).toArray(byte[][]::new);
    }

    /** The first {@code count} frames of the checksum corpus, transmit and receive, repeated if need be. */
    static List<byte[]> corpusFrames(int count) {
        List<byte[]> corpus = new ArrayList<>();
        for (String file : List.of("tx.pcap", "rx.pcap")) {
            PcapReader.readAll(ProjectDir.root().resolve("pcaps/checksum").resolve(file)).stream()
                    .map(PcapRecord::data).forEach(corpus::add);
        }
        List<byte[]> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(corpus.get(i % corpus.size()));
        }
        return frames;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void frameParser(Blackhole sink) {
        for (byte[] frame : frames) {
            sink.consume(FrameParser.parse(frame));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void pcap4jParse(Blackhole sink) {
        for (byte[] frame : frames) {
            try {
                sink.consume(EthernetPacket.newPacket(frame, 0, frame.length));
            } catch (IllegalRawDataException malformed) {
                sink.consume(malformed);
            }
        }
    }
}
