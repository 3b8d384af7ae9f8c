package org.offloadkit.reference;

import static org.offloadkit.testing.ChecksumStatus.GOOD;
import static org.offloadkit.testing.ChecksumStatus.NOT_PRESENT;
import static org.testng.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.offloadkit.corpus.GsoCorpus;
import org.offloadkit.corpus.GsoVector;
import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.reference.GsoSegmenter.Checksums;
import org.offloadkit.reference.GsoSegmenter.Limits;
import org.offloadkit.spec.LargeSend.Flavor;
import org.offloadkit.testing.ChecksumStatus;
import org.offloadkit.testing.ProjectDir;
import org.offloadkit.testing.Tshark;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Every segment the segmenter makes of the committed corpus, read back by tshark: its checksums verify, and
 * its sequence number, payload length, flags, IPv4 ID and UDP Length are what the spec's formulas give
 * (spec 2.3, 2.4), worked out here from the template alone; the payloads put together are the user bytes.
 * One tshark run reads all of them.
 */
public class GsoSegmenterOracleTest {
    private static final List<GsoVector> VECTORS = GsoCorpus.load(ProjectDir.root()).all();
    private static final String[] FIELDS = {"ip.checksum.status", "tcp.checksum.status", "udp.checksum.status",
            "tcp.seq_raw", "tcp.len", "tcp.flags", "ip.id", "udp.length", "tcp.payload", "udp.payload"};

    /** What tshark printed for each segment of each send. */
    private Map<String, List<Map<String, String>>> seen;

    @DataProvider
    public static Object[][] vectors() {
        return VECTORS.stream().map(v -> new Object[] {v}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "vectors")
    public void required_gsoTcp09_gsoUdp03_tsharkFindsEveryChecksumGood(GsoVector vector) {
        List<List<ChecksumStatus>> statuses = new ArrayList<>();
        for (Map<String, String> segment : tshark(vector)) {
            statuses.add(List.of(ChecksumStatus.parse(segment.get("ip.checksum.status")),
                    ChecksumStatus.parse(segment.get("tcp.checksum.status") + segment.get("udp.checksum.status"))));
        }
        List<ChecksumStatus> expected = List.of(vector.layout().isIPv4() ? GOOD : ChecksumStatus.NO_HEADER,
                vector.has(GsoVector.NO_UDP_CHECKSUM) ? NOT_PRESENT : GOOD);
        assertEquals(statuses, Collections.nCopies(statuses.size(), expected), vector + ": IPv4 header and transport checksum status");
    }

    @Test(dataProvider = "vectors")
    public void required_gsoTcp01to04_gsoTcp06_gsoTcp07_gsoTcp10_gsoUdp01_gsoUdp02_gsoUdp04_theSpecsFormulas(GsoVector vector) {
        assertEquals(fields(tshark(vector), "tcp.len", "tcp.seq_raw", "tcp.flags", "ip.id", "udp.length"), byTheSpec(vector), vector.toString());
    }

    @Test(dataProvider = "vectors")
    public void required_gsoTcp03_theSegmentsCarryTheUserBytesInOrder(GsoVector vector) {
        StringBuilder joined = new StringBuilder();
        for (Map<String, String> segment : tshark(vector)) {
            joined.append(segment.get("tcp.payload")).append(segment.get("udp.payload"));
        }
        FrameLayout t = vector.layout();
        assertEquals(joined.toString(), HexFormat.of().formatHex(vector.frame(), t.payloadOffset(), t.ipEnd()), vector.toString());
    }

    /** Each segment's fields from the template and the rules alone. */
    private static List<List<String>> byTheSpec(GsoVector v) {
        FrameLayout t = v.layout();
        int mss = v.send().mss();
        int payload = v.payloadLength();
        int count = (payload + mss - 1) / mss;
        long seq = t.isTcp() ? Bytes.u32(v.frame(), t.layer4Offset() + 4) : 0;
        int flags = t.isTcp() ? v.frame()[t.layer4Offset() + 13] & 0xFF : 0;
        int id = t.isIPv4() ? Bytes.u16(v.frame(), t.layer3Offset() + 4) : 0;
        int idSpace = v.send().flavor() == Flavor.LSO_V2 ? 0x8000 : 0x10000; // the corpus's LSOv2 IDs are in the lower half
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = Math.min(mss, payload - i * mss);
            int segmentFlags = flags & ~(i < count - 1 ? 0x09 : 0) & ~(i > 0 ? 0x80 : 0);
            rows.add(List.of(
                    t.isTcp() ? Integer.toString(length) : "",
                    t.isTcp() ? Long.toString((seq + (long) i * mss) & 0xFFFFFFFFL) : "",
                    t.isTcp() ? String.format("0x%04x", segmentFlags) : "",
                    t.isIPv4() ? String.format("0x%04x", (id + i) % idSpace) : "",
                    t.isUdp() ? Integer.toString(8 + length) : ""));
        }
        return rows;
    }

    private static List<List<String>> fields(List<Map<String, String>> segments, String... names) {
        return segments.stream().map(s -> Arrays.stream(names).map(s::get).toList()).toList();
    }

    private List<Map<String, String>> tshark(GsoVector vector) {
        if (seen == null) {
            List<byte[]> frames = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            for (GsoVector v : VECTORS) {
                for (byte[] segment : ((Segmentation.Segments) GsoSegmenter.segment(v.frame(), v.send(), Limits.UNCHECKED,
                        Checksums.FINISHED)).frames()) {
                    frames.add(segment);
                    owners.add(v.id());
                }
            }
            List<List<String>> rows = Tshark.fields(frames, FIELDS);
            assertEquals(rows.size(), frames.size(), "tshark read back every segment");
            seen = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> segment = new LinkedHashMap<>();
                for (int f = 0; f < FIELDS.length; f++) {
                    segment.put(FIELDS[f], rows.get(i).get(f));
                }
                seen.computeIfAbsent(owners.get(i), id -> new ArrayList<>()).add(segment);
            }
        }
        return seen.get(vector.id());
    }
}
