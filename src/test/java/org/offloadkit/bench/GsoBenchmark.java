package org.offloadkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.offloadkit.corpus.GsoTemplates;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.LargeSend.Flavor;
import org.offloadkit.testing.Pcap4jSegmenter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 64 KiB LSOv2 send (IPv4, TCP with timestamps) cut into 1,448-byte segments with both checksums, and
 * one 64 KiB USO send (IPv4, UDP with its checksum) cut into 1,472-byte datagrams, by {@link GsoSegmenter}
 * and, in the same run, by two baselines that make the same bytes: a naive copy-per-segment loop with the
 * textbook RFC 1071 sum, and Pcap4J's packet builders. One operation is one whole send, so payload bytes per
 * second is ops/s times 65,536.
 *
 * <p>Several forks with short iterations: on a small, shared machine the spread between forks is the
 * honest error bar, and a ratio between methods of one run means more than any absolute figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class GsoBenchmark {

    static final int USER_BYTES = 65536;
    static final LargeSend SEND = LargeSend.lsoV2(1448);
    static final LargeSend USO = LargeSend.uso(1472);

    byte[] template;
    byte[] usoTemplate;

    @Setup
    public void makeTheSend() {
        SplittableRandom random = new SplittableRandom(65536);
        byte[] payload = new byte[USER_BYTES];
        random.nextBytes(payload);
        byte[] timestamps = {1, 1, 8, 10, 0x12, 0x34, 0x56, 0x78, (byte) 0x9a, (byte) 0xbc, (byte) 0xde, (byte) 0xf0};
        template = GsoTemplates.template(FrameBuilder.ethernet(new byte[] {2, 0, 0, 0, 0, 2}, new byte[] {2, 0, 0, 0, 0, 1})
                .ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}).ipId(0x1234)
                .tcp(40000, 443).seq(0x01020304L).ack(0x0A0B0C0DL).flags(0x18).tcpOptions(timestamps), payload, Flavor.LSO_V2);
        usoTemplate = GsoTemplates.template(FrameBuilder.ethernet(new byte[] {2, 0, 0, 0, 0, 2}, new byte[] {2, 0, 0, 0, 0, 1})
                .ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}).ipId(0xFFF0).udp(40000, 443), payload, Flavor.USO);
    }

    @Benchmark
    public Segmentation gsoSegmenter() {
        return GsoSegmenter.segment(template, SEND, GsoSegmenter.Limits.UNCHECKED, GsoSegmenter.Checksums.FINISHED);
    }

    @Benchmark
    public List<byte[]> naiveCopyPerSegment() {
        return naive(template, SEND.mss());
    }

    @Benchmark
    public List<byte[]> pcap4j() {
        return Pcap4jSegmenter.segment(template, SEND);
    }

    @Benchmark
    public Segmentation usoSegmenter() {
        return GsoSegmenter.segment(usoTemplate, USO, GsoSegmenter.Limits.UNCHECKED, GsoSegmenter.Checksums.FINISHED);
    }

    @Benchmark
    public List<byte[]> usoNaiveCopyPerDatagram() {
        return naiveUdp(usoTemplate, USO.mss());
    }

    @Benchmark
    public List<byte[]> usoPcap4j() {
        return Pcap4jSegmenter.segment(usoTemplate, USO);
    }

    /** The naive loop for USO over plain IPv4: IDs wrap at 16 bits, and a UDP checksum computing to 0 is sent as 0xFFFF. */
    static List<byte[]> naiveUdp(byte[] t, int mss) {
        int l3 = 14;
        int l4 = l3 + 20;
        int headers = l4 + 8;
        int payload = t.length - headers;
        List<byte[]> datagrams = new ArrayList<>();
        for (int offset = 0, i = 0; offset < payload; offset += mss, i++) {
            int length = Math.min(mss, payload - offset);
            byte[] d = new byte[headers + length];
            System.arraycopy(t, 0, d, 0, headers);
            System.arraycopy(t, headers + offset, d, headers, length);
            put16(d, l3 + 2, d.length - l3);
            put16(d, l3 + 4, (u16(t, l3 + 4) + i) & 0xFFFF);
            put16(d, l3 + 10, 0);
            put16(d, l3 + 10, ~naiveSum(d, l3, 20, 0) & 0xFFFF);
            int udpLength = d.length - l4;
            put16(d, l4 + 4, udpLength);
            put16(d, l4 + 6, 0);
            long pseudo = u16(d, l3 + 12) + u16(d, l3 + 14) + u16(d, l3 + 16) + u16(d, l3 + 18) + 17 + udpLength;
            int checksum = ~naiveSum(d, l4, udpLength, pseudo) & 0xFFFF;
            put16(d, l4 + 6, checksum == 0 ? 0xFFFF : checksum);
            datagrams.add(d);
        }
        return datagrams;
    }

    /**
     * The same segments the way one writes them first: a zeroed array per segment, headers and payload copied
     * in, fields patched, and each checksum summed a big-endian word at a time. Plain IPv4 and TCP only.
     */
    static List<byte[]> naive(byte[] t, int mss) {
        int l3 = 14;
        int l4 = l3 + 20;
        int headers = l4 + ((t[l4 + 12] >> 4) & 0xF) * 4;
        int payload = t.length - headers;
        long seq = u16(t, l4 + 4) * 65536L + u16(t, l4 + 6);
        List<byte[]> segments = new ArrayList<>();
        for (int offset = 0, i = 0; offset < payload; offset += mss, i++) {
            int length = Math.min(mss, payload - offset);
            byte[] s = new byte[headers + length];
            System.arraycopy(t, 0, s, 0, headers);
            System.arraycopy(t, headers + offset, s, headers, length);
            boolean last = offset + length == payload;
            put16(s, l3 + 2, s.length - l3);
            put16(s, l3 + 4, (u16(t, l3 + 4) + i) & 0x7FFF);
            put16(s, l3 + 10, 0);
            put16(s, l3 + 10, ~naiveSum(s, l3, 20, 0) & 0xFFFF);
            long segmentSeq = (seq + offset) & 0xFFFFFFFFL;
            put16(s, l4 + 4, (int) (segmentSeq >>> 16));
            put16(s, l4 + 6, (int) segmentSeq);
            s[l4 + 13] = (byte) (last ? t[l4 + 13] : t[l4 + 13] & ~0x09);
            put16(s, l4 + 16, 0);
            int tcpLength = s.length - l4;
            long pseudo = u16(s, l3 + 12) + u16(s, l3 + 14) + u16(s, l3 + 16) + u16(s, l3 + 18) + 6 + tcpLength;
            put16(s, l4 + 16, ~naiveSum(s, l4, tcpLength, pseudo) & 0xFFFF);
            segments.add(s);
        }
        return segments;
    }

    private static int naiveSum(byte[] b, int off, int len, long start) {
        long sum = start;
        int even = len & ~1;
        for (int i = 0; i < even; i += 2) {
            sum += (b[off + i] & 0xFF) << 8 | (b[off + i + 1] & 0xFF);
        }
        if (even < len) {
            sum += (b[off + even] & 0xFF) << 8;
        }
        while (sum >>> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
    }

    private static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }
}
