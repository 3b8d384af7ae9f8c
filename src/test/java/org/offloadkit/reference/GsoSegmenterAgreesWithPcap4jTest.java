package org.offloadkit.reference;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.HexFormat;
import java.util.List;

import org.offloadkit.corpus.GsoCorpus;
import org.offloadkit.corpus.GsoVector;
import org.offloadkit.reference.GsoSegmenter.Checksums;
import org.offloadkit.reference.GsoSegmenter.Limits;
import org.offloadkit.testing.Pcap4jSegmenter;
import org.offloadkit.testing.ProjectDir;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Every segment of every corpus send Pcap4J can build, byte for byte: Pcap4J's builders, given the spec's
 * rules, compute each length and checksum their own way. (Tagged frames, IPv4 options and IPv6 extension
 * headers are left to the tshark oracle.)
 */
public class GsoSegmenterAgreesWithPcap4jTest {
    private static final List<GsoVector> VECTORS = GsoCorpus.load(ProjectDir.root()).all();

    @DataProvider
    public static Object[][] plainShapes() {
        return VECTORS.stream().filter(v -> Pcap4jSegmenter.reads(v.frame())).map(v -> new Object[] {v}).toArray(Object[][]::new);
    }

    @Test
    public void theCorpusHasPlainShapesOfEveryFlavour() {
        assertTrue(plainShapes().length > 40, "sends Pcap4J can build: " + plainShapes().length);
    }

    @Test(dataProvider = "plainShapes")
    public void required_gsoTcp01to10_gsoUdp01to05_sameBytesAsPcap4j(GsoVector vector) {
        Segmentation ours = GsoSegmenter.segment(vector.frame(), vector.send(), Limits.UNCHECKED, Checksums.FINISHED);
        List<String> pcap4j = Pcap4jSegmenter.segment(vector.frame(), vector.send()).stream().map(HexFormat.of()::formatHex).toList();
        assertEquals(((Segmentation.Segments) ours).frames().stream().map(HexFormat.of()::formatHex).toList(), pcap4j, vector.toString());
    }
}
