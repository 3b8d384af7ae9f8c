package org.offloadkit.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.offloadkit.packet.InternetChecksum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pcap4j.util.ByteArrays;

/**
 * {@link InternetChecksum#sum} beside two baselines on the same buffer in the same run: Pcap4J's
 * {@code ByteArrays.calcChecksum} and the textbook RFC 1071 loop. One operation sums the whole buffer,
 * so bytes per second is ops/s times {@code size}.
 *
 * <p>Several forks with short iterations: on a small, shared machine the spread between forks is the
 * honest error bar, and a ratio between methods of one run means more than any absolute figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(5)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
public class ChecksumBenchmark {

    /** An Ethernet MTU's payload and the largest IPv4 datagram (a large send's worth). */
    @Param({"1500", "65536"})
    public int size;

    private byte[] buffer;

    @Setup
    public void fillBuffer() {
        buffer = new byte[size];
        new SplittableRandom(size).nextBytes(buffer);
    }

    @Benchmark
    public int internetChecksum() {
        return InternetChecksum.sum(buffer, 0, buffer.length);
    }

    @Benchmark
    public short pcap4j() {
        return ByteArrays.calcChecksum(buffer);
    }

    /** RFC 1071 as first written: one big-endian word from two bytes, folded once at the end. */
    @Benchmark
    public int naiveLoop() {
        byte[] b = buffer;
        // The bound is fixed before the loop (not "i + 1 < b.length"), so C2 sees a counted loop and
        // drops the per-byte bounds checks: a fair baseline, not a pessimised one.
        int evenLength = b.length & ~1;
        long sum = 0;
        for (int i = 0; i < evenLength; i += 2) {
            sum += (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
        }
        if (evenLength < b.length) {
            sum += (b[evenLength] & 0xFF) << 8;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }
}
