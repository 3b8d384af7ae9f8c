package org.offloadkit.replay;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.offloadkit.corpus.GsoVector;
import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RxChecksumVector;
import org.offloadkit.corpus.TxChecksumVector;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Vectors derived from a messy capture: every kind of packet the issue lists, in a pcapng of several link
 * types. The oracle for a packet that was correct on the wire is the packet itself: what the reference makes
 * of the derived vector must be exactly what was captured.
 */
public class DerivationTest {

    private final List<byte[]> segments = new ArrayList<>();
    private Path capture;

    @BeforeClass
    public void writeMessyCapture() throws IOException {
        capture = Scratch.directory("offloadkit-messy-").resolve("messy.pcapng");
        segments.addAll(MessyCapture.write(capture));
    }

    @Test
    public void txChecksumUsesEveryWholeTcpAndUdpPacketAndTheReferenceGivesBackWhatWasCaptured() {
        Derived<TxChecksumVector> d = derive(f -> new TxChecksumDerivation(f, 4));
        assertEquals(d.vectors.stream().map(TxChecksumVector::packet).toList(), List.of(1, 2, 3, 7, 8, 10, 11, 14));
        for (TxChecksumVector v : d.vectors) {
            byte[] expected = TxChecksumEngine.apply(v.frame(), v.layout(), v.request());
            if (v.packet() != 8 && v.packet() != 14) { // the partial and the corrupted one were not right on the wire
                assertEquals(expected, capturedFrame(v.packet()), "packet " + v.packet() + ": the reference gives back the wire frame");
            }
        }
        Tally tally = d.tally;
        assertEquals(tally.skipped(SkipReason.NOT_IP), 1, "ARP");
        assertEquals(tally.skipped(SkipReason.NOT_TCP_OR_UDP), 2, "ICMP, and ICMP in SLL2");
        assertEquals(tally.skipped(SkipReason.IP_FRAGMENT), 1);
        assertEquals(tally.skipped(SkipReason.SNAPLEN_CUT), 1);
        assertEquals(tally.skipped(SkipReason.LINK_TYPE), 1, "802.11");
        assertEquals(tally.packets(), 14);
        assertEquals(tally.used() + tally.skipped().values().stream().mapToLong(Long::longValue).sum(), 14, "every packet counted once");
        assertEquals(d.groups, 2, "8 vectors in groups of 4");
    }

    @Test
    public void rxChecksumSkipsPartialAndCutPacketsAndJudgesTheRestByTheReference() {
        Derived<RxChecksumVector> d = derive(f -> new RxChecksumDerivation(f, 64));
        assertEquals(d.tally.skipped(SkipReason.PARTIAL_CHECKSUM), 1);
        assertEquals(d.tally.skipped(SkipReason.SNAPLEN_CUT), 1);
        assertEquals(d.tally.skipped(SkipReason.LINK_TYPE), 1);
        RxChecksumVector corrupt = d.vectors.stream().filter(v -> v.packet() == 14).findFirst().orElseThrow();
        assertEquals(corrupt.intended().layer4(), RxChecksumEvaluation.INVALID);
        RxChecksumVector arp = d.vectors.stream().filter(v -> v.packet() == 4).findFirst().orElseThrow();
        assertEquals(arp.intended().layer4(), RxChecksumEvaluation.NOT_CHECKED);
        assertEquals(d.vectors.stream().filter(v -> v.packet() <= 3).map(v -> v.intended().layer4()).distinct().toList(),
                List.of(RxChecksumEvaluation.VALID));
    }

    @Test
    public void largeSendIsRebuiltAndTheReferenceSegmentsItBackIntoTheCapturedSegments() {
        Derived<GsoVector> d = derive(f -> new LargeSendDerivation(f, 8, true, 65536));
        assertEquals(d.vectors.size(), 1);
        GsoVector send = d.vectors.get(0);
        assertEquals(send.send().mss(), MessyCapture.MSS);
        assertEquals(send.payloadLength(), 2 * MessyCapture.MSS + 400);
        Segmentation segmented = GsoSegmenter.segment(send.frame(), send.send(), GsoSegmenter.Limits.UNCHECKED,
                GsoSegmenter.Checksums.FINISHED);
        List<byte[]> frames = ((Segmentation.Segments) segmented).frames();
        assertEquals(frames.size(), 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(frames.get(i), segments.get(i), "segment " + (i + 1) + " comes back as captured");
        }
        assertEquals(d.tally.used(), 3);
        assertEquals(d.tally.skipped(SkipReason.LONE_SEGMENT), 2, "the partial-checksum segment and the raw IP one stand alone");
    }

    @Test
    public void udpDatagramsOfDifferentFlowsAreNotOneLargeSend() {
        Derived<GsoVector> d = derive(f -> new LargeSendDerivation(f, 8, false, 65536));
        assertTrue(d.vectors.isEmpty());
        assertEquals(d.tally.skipped(SkipReason.LONE_SEGMENT), 3, "three UDP datagrams, each alone");
        assertEquals(d.tally.skipped(SkipReason.NOT_UDP), 5);
    }

    @Test
    public void coalescingTakesTheTcpSegmentsInOrderAndCompletesPartialChecksums() {
        List<String> requirements = List.of("RSC-04");
        CaptureFrames frames = CaptureFrames.open(capture, null, Progress.silent());
        CoalescingDerivation derivation = new CoalescingDerivation(frames, 1, requirements);
        List<RscCase> cases = new ArrayList<>();
        derivation.forEachRemaining(g -> cases.addAll(g.vectors()));
        frames.close();
        assertEquals(cases.size(), 1);
        List<byte[]> received = cases.get(0).frames();
        assertEquals(received.size(), 5, "three segments, the partial one and the raw IP one");
        assertEquals(received.get(0), segments.get(0));
        assertEquals(derivation.checksumsCompleted(), 1);
        FrameLayout l = FrameParser.parse(received.get(3)).layout();
        assertTrue(org.offloadkit.packet.FrameChecksums.transportVerifies(received.get(3), l), "the partial checksum was completed");
    }

    @Test
    public void aCorruptCaptureEndsWhereItIsCorruptAndTheVectorsBeforeCount() throws IOException {
        byte[] whole = Files.readAllBytes(capture);
        Path cut = capture.resolveSibling("cut.pcapng");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 10));
        CaptureFrames frames = CaptureFrames.open(cut, null, Progress.silent());
        TxChecksumDerivation d = new TxChecksumDerivation(frames, 64);
        List<TxChecksumVector> vectors = new ArrayList<>();
        d.forEachRemaining(g -> vectors.addAll(g.vectors()));
        assertNotNull(frames.error());
        assertTrue(frames.error().getMessage().contains("at byte "), frames.error().getMessage());
        assertEquals(vectors.size(), 7, "every vector before the last packet");
        frames.close();
    }

    // ---------------------------------------------------------------- building blocks

    private record Derived<V>(List<V> vectors, Tally tally, int groups) {}

    private <V> Derived<V> derive(Function<CaptureFrames, Derivation<V>> make) {
        try (CaptureFrames frames = CaptureFrames.open(capture, null, Progress.silent())) {
            Derivation<V> d = make.apply(frames);
            List<V> vectors = new ArrayList<>();
            int groups = 0;
            while (d.hasNext()) {
                vectors.addAll(d.next().vectors());
                groups++;
            }
            return new Derived<>(vectors, d.tally(), groups);
        }
    }

    private byte[] capturedFrame(int packet) {
        try (CaptureFrames frames = CaptureFrames.open(capture, null, Progress.silent())) {
            for (CapturedFrame f = frames.next(); f != null; f = frames.next()) {
                if (f.number() == packet) {
                    return f.frame();
                }
            }
        }
        throw new AssertionError("no packet " + packet);
    }
}
