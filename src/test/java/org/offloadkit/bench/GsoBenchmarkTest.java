package org.offloadkit.bench;

import static org.testng.Assert.assertEquals;

import java.util.HexFormat;
import java.util.List;

import org.offloadkit.reference.Segmentation;
import org.testng.annotations.Test;

/** The benchmark's baselines make exactly the segmenter's bytes, so the figures compare like with like. */
public class GsoBenchmarkTest {

    private static List<String> hex(List<byte[]> frames) {
        return frames.stream().map(HexFormat.of()::formatHex).toList();
    }

    @Test
    public void theBaselinesMakeTheSameSegments() {
        GsoBenchmark b = new GsoBenchmark();
        b.makeTheSend();
        List<String> ours = hex(((Segmentation.Segments) b.gsoSegmenter()).frames());
        assertEquals(ours.size(), 46, "ceil(65536 / 1448)");
        assertEquals(hex(b.naiveCopyPerSegment()), ours, "the naive loop");
        assertEquals(hex(b.pcap4j()), ours, "Pcap4J");
    }

    @Test
    public void theUsoBaselinesMakeTheSameDatagrams() {
        GsoBenchmark b = new GsoBenchmark();
        b.makeTheSend();
        List<String> ours = hex(((Segmentation.Segments) b.usoSegmenter()).frames());
        assertEquals(ours.size(), 45, "ceil(65536 / 1472)");
        assertEquals(hex(b.usoNaiveCopyPerDatagram()), ours, "the naive loop");
        assertEquals(hex(b.usoPcap4j()), ours, "Pcap4J");
    }
}
