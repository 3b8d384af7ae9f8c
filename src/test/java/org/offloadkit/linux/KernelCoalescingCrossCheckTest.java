package org.offloadkit.linux;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RscCorpus;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscProfile;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.testing.ProjectDir;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The reference coalescer beside the kernel's GRO, over the whole coalescing corpus: each case's batches go
 * through veth GRO, and what the kernel delivers is compared, connection by connection and in order, with
 * what the reference makes of the same batches. The {@code linux-gro} profile must be the kernel byte for
 * byte, segment counts included. The {@code ndis} profile must be the kernel too on every case where the two
 * profiles make the same units, but for the TCP checksum: an NDIS unit carries its finished checksum, GRO
 * leaves the pseudo-header sum for the receiver to complete (CHECKSUM_PARTIAL). docs/rsc-profiles.md says
 * clause by clause why the others part.
 */
public class KernelCoalescingCrossCheckTest extends OnKernelLink {
    private static final RscOffload RSC_ON = new RscOffload(Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS),
            Set.of(Layer4Flag.TCP_NO_OPTIONS), true);
    private static final RscSettings NDIS = RscSettings.ndis(RSC_ON, RxChecksumOffload.ALL);
    private static final RscSettings LINUX_GRO = NDIS.withProfile(RscProfile.LINUX_GRO);

    /**
     * The corpus cases where the two profiles make different units of a connection, or indicate them in another
     * order (GRO passes a segment it cannot hold up before the unit it leaves held): a change to either rule set
     * shows here.
     */
    private static final Set<String> PROFILES_PART = Set.of(
            "small-then-large", "psh-in-the-middle", "fin-ends-the-unit", "bad-ip-checksum", "bad-tcp-checksum-ipv4",
            "bad-tcp-checksum-ipv6", "ipv4-options", "ttl-differs", "hop-limit-differs", "duplicate-acks-after-data",
            "duplicate-acks-after-a-cumulative-ack", "duplicate-acks-first-in-batch", "window-updates",
            "piggybacked-acks", "timestamps-in-order", "timestamp-regression");

    private final Map<String, Map<String, List<Delivered>>> kernel = new ConcurrentHashMap<>();

    /** One frame handed up, and how many received segments it holds. */
    record Delivered(int segments, String bytes) {
        @Override
        public String toString() {
            return segments + " segment(s), " + bytes.length() / 2 + " bytes";
        }
    }

    @DataProvider
    public static Object[][] cases() {
        return RscCorpus.load(ProjectDir.root()).cases().stream().map(c -> new Object[] {c}).toArray(Object[][]::new);
    }

    @DataProvider
    public static Object[][] casesWhereTheProfilesAgree() {
        return RscCorpus.load(ProjectDir.root()).cases().stream().filter(c -> !PROFILES_PART.contains(c.name()))
                .map(c -> new Object[] {c}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "cases")
    public void theLinuxGroProfileIsWhatTheKernelDelivers(RscCase c) {
        assertEquals(delivered(c), byConnection(reference(c, LINUX_GRO)), c + ": " + c.idea());
    }

    @Test(dataProvider = "casesWhereTheProfilesAgree")
    public void theNdisProfileIsWhatTheKernelDeliversWhereTheProfilesAgree(RscCase c) {
        List<RscUnit> ndis = reference(c, NDIS);
        for (RscUnit unit : ndis) {
            byte[] frame = unit.indication().frame();
            if (FrameParser.parse(frame) instanceof FrameLayout layout && layout.isTcp() && unit.indication().rsc().coalesced()) {
                assertTrue(FrameChecksums.transportVerifies(frame, layout), c + ": the NDIS unit's TCP checksum");
            }
        }
        assertEquals(withoutTcpChecksums(delivered(c)), withoutTcpChecksums(byConnection(ndis)), c + ": " + c.idea());
    }

    /** The list above is exactly where the reference's two profiles part, connection by connection, so no case is lost. */
    @Test
    public void theProfilesPartOnTheListedCasesAlone() {
        Set<String> parting = new TreeSet<>();
        for (Object[] row : cases()) {
            RscCase c = (RscCase) row[0];
            if (!withoutTcpChecksums(byConnection(reference(c, NDIS))).equals(withoutTcpChecksums(byConnection(reference(c, LINUX_GRO))))) {
                parting.add(c.name());
            }
        }
        assertEquals(parting, new TreeSet<>(PROFILES_PART));
    }

    private Map<String, List<Delivered>> delivered(RscCase c) {
        return kernel.computeIfAbsent(c.name(), name -> {
            Map<String, List<Delivered>> flows = new TreeMap<>();
            for (VnetFrame frame : link.coalesce(c.batches())) {
                flows.computeIfAbsent(connection(frame.frame()), k -> new ArrayList<>())
                        .add(new Delivered(frame.segments(), HexFormat.of().formatHex(frame.frame())));
            }
            return flows;
        });
    }

    private static List<RscUnit> reference(RscCase c, RscSettings settings) {
        List<RscUnit> units = new ArrayList<>();
        c.batches().forEach(batch -> units.addAll(RscCoalescer.coalesce(batch, settings)));
        return units;
    }

    /** The units by connection in indication order; a frame indicated as it arrived holds one segment. */
    private static Map<String, List<Delivered>> byConnection(List<RscUnit> units) {
        Map<String, List<Delivered>> flows = new TreeMap<>();
        for (RscUnit unit : units) {
            byte[] frame = unit.indication().frame();
            flows.computeIfAbsent(connection(frame), k -> new ArrayList<>())
                    .add(new Delivered(Math.max(1, unit.indication().rsc().coalescedSegmentCount()), HexFormat.of().formatHex(frame)));
        }
        return flows;
    }

    /** The frames with their TCP checksum fields zeroed. */
    private static Map<String, List<Delivered>> withoutTcpChecksums(Map<String, List<Delivered>> flows) {
        Map<String, List<Delivered>> masked = new TreeMap<>();
        flows.forEach((flow, frames) -> masked.put(flow, frames.stream().map(d -> {
            byte[] frame = HexFormat.of().parseHex(d.bytes());
            if (FrameParser.parse(frame) instanceof FrameLayout layout && layout.isTcp()) {
                frame[layout.transportChecksumOffset()] = 0;
                frame[layout.transportChecksumOffset() + 1] = 0;
            }
            return new Delivered(d.segments(), HexFormat.of().formatHex(frame));
        }).toList()));
        return masked;
    }

    /** Addresses, protocol and (TCP or UDP) ports; every frame that is not IP is one "connection". */
    private static String connection(byte[] frame) {
        if (!(FrameParser.parse(frame) instanceof FrameLayout l) || !(l.isIPv4() || l.isIPv6())) {
            return "not IP";
        }
        int addresses = l.layer3Offset() + (l.isIPv4() ? 12 : 8);
        String key = HexFormat.of().formatHex(frame, addresses, addresses + (l.isIPv4() ? 8 : 32)) + " proto " + l.ipProtocol();
        return l.isTcp() || l.isUdp() ? key + " ports " + HexFormat.of().formatHex(frame, l.layer4Offset(), l.layer4Offset() + 4) : key;
    }
}
