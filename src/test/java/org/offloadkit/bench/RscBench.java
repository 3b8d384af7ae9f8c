package org.offloadkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.offloadkit.packet.TcpStream;
import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumOffload;
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
 * The reference coalescer on a NAPI-sized receive batch: 64 full 1,448-byte IPv4 segments of 16 flows
 * interleaved round robin, so each flow's 4 segments make one unit. Scores are segments per second on one
 * thread. {@code coalesce} is the coalescing: every segment parsed and its checksums checked, the rules
 * applied, each unit's headers, checksums and metadata finalized, its payload left in the segments' frames as
 * a fragment chain. {@code coalesceAndGather} also copies each unit into one new frame, as the DUT contract
 * hands it over. Beside them, in the same run, two baselines over the same frames: copying each segment into
 * a new array (what gathering costs at least), and Pcap4J parsing them.
 *
 * <p>{@code mvn -Pbench test-compile exec:exec -Dbench=Rsc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RscBench {
    static final int FLOWS = 16;
    static final int SEGMENTS = 64;
    static final int MSS = 1448;

    private final RscSettings settings = RscSettings.ndis(new RscOffload(
            Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), true),
            RxChecksumOffload.ALL);
    private List<byte[]> batch;

    @Setup
    public void buildBatch() {
        List<TcpStream> flows = new ArrayList<>();
        for (int f = 0; f < FLOWS; f++) {
            flows.add(TcpStream.ipv4(new byte[] {2, 0, 0, 0, 0, 2}, new byte[] {2, 0, 0, 0, 0, 1},
                    new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 1, (byte) (f + 1)}, 40000 + f, 443).ack(1).ipId(f * 1000));
        }
        batch = new ArrayList<>();
        for (int i = 0; i < SEGMENTS; i++) {
            batch.add(flows.get(i % FLOWS).data(1_000_000L + (long) (i / FLOWS) * MSS, MSS));
        }
        int units = RscCoalescer.coalesce(batch, settings).size();
        if (units != FLOWS) {
            throw new IllegalStateException("the batch should make " + FLOWS + " units, one a flow; it makes " + units);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SEGMENTS)
    public Object coalesce() {
        return RscCoalescer.coalesce(batch, settings);
    }

    @Benchmark
    @OperationsPerInvocation(SEGMENTS)
    public void coalesceAndGather(Blackhole sink) {
        for (RscUnit unit : RscCoalescer.coalesce(batch, settings)) {
            sink.consume(unit.indication().frame());
        }
    }

    @Benchmark
    @OperationsPerInvocation(SEGMENTS)
    public void baselineCopyEverySegment(Blackhole sink) {
        for (byte[] frame : batch) {
            byte[] copy = new byte[frame.length];
            System.arraycopy(frame, 0, copy, 0, frame.length);
            sink.consume(copy);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SEGMENTS)
    public void baselinePcap4jParse(Blackhole sink) throws IllegalRawDataException {
        for (byte[] frame : batch) {
            sink.consume(EthernetPacket.newPacket(frame, 0, frame.length));
        }
    }
}
