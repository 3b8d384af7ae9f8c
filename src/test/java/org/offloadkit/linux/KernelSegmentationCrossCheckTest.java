package org.offloadkit.linux;

import static org.offloadkit.linux.LinkFrames.ipv4Id;
import static org.offloadkit.linux.LinkFrames.layout;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.offloadkit.corpus.GsoCorpus;
import org.offloadkit.corpus.GsoVector;
import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.Field;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameFields;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.spec.LargeSend.Flavor;
import org.offloadkit.testing.ProjectDir;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The reference segmenter beside the kernel's software GSO, over the whole segmentation corpus. The kernel is
 * handed each large send as a Linux GSO unit holds it ({@link VirtioNetHdr#largeSend}: every length filled in,
 * the checksum seeded) with a virtio-net header asking for TSO or USO at the send's MSS, and what reaches the peer must be the
 * reference's segments byte for byte, except where the NDIS and Linux rules part (docs/gso.md, "The kernel
 * beside the reference"): there the frames must differ in exactly the fields of that rule, and as the Linux
 * rule says.
 *
 * <p>A send that makes one segment is left out: Linux does not segment a GSO frame no longer than its
 * gso_size but sends it as it is (the IPv4 header checksum the template had) or refuses it, and the NDIS
 * stack never hands such a send to hardware whose MinimumSegmentCount is 2 or more (spec 2.2).
 */
public class KernelSegmentationCrossCheckTest extends OnKernelLink {

    /** Where the two rule sets part, the requirement that says the NDIS side, and the fields it shows in. */
    enum Parting {
        NONE("", Set.of()),
        /** NDIS LSOv2 IDs wrap 0x7FFF to 0x0000 (spec 2.3 item 6); Linux counts on to 0x8000, wrapping at 16 bits. */
        LSOV2_ID_PAST_7FFF("GSO-TCP-10", Set.of("ip.id", "ip.checksum")),
        /** NDIS leaves a template UDP checksum of 0 as 0 (spec 2.4 item 3); Linux fills in every datagram's. */
        UDP_CHECKSUM_LEFT_ZERO("GSO-UDP-03", Set.of("udp.checksum"));

        final String requirement;
        final Set<String> fields;

        Parting(String requirement, Set<String> fields) {
            this.requirement = requirement;
            this.fields = fields;
        }

        static Parting of(GsoVector v) {
            FrameLayout template = v.layout();
            if (v.send().flavor() == Flavor.LSO_V2 && template.isIPv4()) {
                int segments = (v.payloadLength() + v.send().mss() - 1) / v.send().mss();
                int firstId = Bytes.u16(v.frame(), template.layer3Offset() + 4);
                if ((firstId & 0x7FFF) + segments - 1 > 0x7FFF) {
                    return LSOV2_ID_PAST_7FFF;
                }
            }
            if (template.isUdp() && Bytes.u16(v.frame(), template.transportChecksumOffset()) == 0) {
                return UDP_CHECKSUM_LEFT_ZERO;
            }
            return NONE;
        }
    }

    @DataProvider
    public static Object[][] sends() {
        return GsoCorpus.load(ProjectDir.root()).all().stream()
                .filter(v -> reference(v).size() > 1)
                .map(v -> new Object[] {v, Parting.of(v)})
                .toArray(Object[][]::new);
    }

    @Test(dataProvider = "sends")
    public void theKernelSegmentsAsTheReferenceDoesButWhereTheRulesPart(GsoVector v, Parting parting) {
        List<byte[]> expected = reference(v);

        List<byte[]> kernel = link.segment(VirtioNetHdr.largeSend(v.frame(), v.layout()), VirtioNetHdr.segmentation(v.layout(), v.send().mss()));

        assertEquals(kernel.size(), expected.size(), v + ": segments");
        Set<String> differing = new TreeSet<>();
        for (int i = 0; i < kernel.size(); i++) {
            assertEquals(kernel.get(i).length, expected.get(i).length, v + ": length of segment " + i);
            differing.addAll(differingFields(expected.get(i), kernel.get(i)));
        }
        assertEquals(differing, parting.fields, v + ": the fields in which the kernel's segments differ ("
                + (parting == Parting.NONE ? "none: the rules agree" : parting.requirement + " parts") + ")");
        for (int i = 0; i < kernel.size(); i++) {
            byte[] segment = kernel.get(i);
            if (parting == Parting.LSOV2_ID_PAST_7FFF) {
                int firstId = Bytes.u16(v.frame(), v.layout().layer3Offset() + 4);
                assertEquals(ipv4Id(segment), (firstId + i) & 0xFFFF, v + ": Linux's IP ID of segment " + i);
            }
            assertTrue(FrameChecksums.transportVerifies(segment, layout(segment)), v + ": the kernel's checksum of segment " + i);
        }
    }

    /** Corpus sends that make more than one segment, compared; few are left out, so the filter hides nothing. */
    @Test
    public void almostEveryCorpusSendIsCompared() {
        int all = GsoCorpus.load(ProjectDir.root()).all().size();
        int compared = sends().length;
        assertTrue(compared >= all - 6, compared + " of " + all + " corpus sends compared");
        assertTrue(Set.of(sends()).stream().anyMatch(row -> row[1] == Parting.LSOV2_ID_PAST_7FFF), "no LSOv2 ID wrap compared");
        assertTrue(Set.of(sends()).stream().anyMatch(row -> row[1] == Parting.UDP_CHECKSUM_LEFT_ZERO), "no zero UDP checksum compared");
    }

    private static List<byte[]> reference(GsoVector v) {
        Segmentation s = GsoSegmenter.segment(v.frame(), v.send(), GsoSegmenter.Limits.UNCHECKED, GsoSegmenter.Checksums.FINISHED);
        return s instanceof Segmentation.Segments segments ? segments.frames() : List.of();
    }

    private static Set<String> differingFields(byte[] expected, byte[] actual) {
        Set<String> keys = new TreeSet<>();
        for (Field field : FrameFields.decode(expected)) {
            if (!field.fitsIn(actual) || !field.sameIn(expected, actual)) {
                keys.add(field.key());
            }
        }
        return keys;
    }
}
