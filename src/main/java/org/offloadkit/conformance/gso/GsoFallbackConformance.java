package org.offloadkit.conformance.gso;

import static org.offloadkit.conformance.gso.GsoJudge.corpus;
import static org.offloadkit.conformance.gso.GsoJudge.eachSegment;
import static org.offloadkit.conformance.gso.GsoJudge.failure;
import static org.offloadkit.conformance.gso.GsoJudge.observe;

import java.util.Iterator;
import java.util.List;

import org.offloadkit.conformance.Case;
import org.offloadkit.conformance.GsoObservation;
import org.offloadkit.corpus.GsoVector;
import org.offloadkit.framework.Transmission;
import org.offloadkit.packet.FrameDiff;
import org.offloadkit.report.Requirement;
import org.offloadkit.spec.TxChecksumAction;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import io.qameta.allure.Allure;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * The framework's software segmentation, GSO-FB-01..03 (spec 5.8(a)): sends beyond what the DUT's hardware
 * advertised are cut by the framework, and the DUT sends each segment as a packet of its own, with the
 * checksums the checksum route leaves to it.
 */
@Epic("Segmentation offload")
@Feature("Software fallback")
public class GsoFallbackConformance {

    /** The send as the software fallback took it, shown on the result. */
    private static GsoObservation observed(Case<GsoVector> vector) {
        GsoObservation o = observe(vector.get());
        Allure.parameter("route", "software fallback: " + o.transmission().route());
        return o;
    }

    @DataProvider
    public Iterator<Object[]> segmentedInSoftware() {
        List<Object[]> rows = corpus().all().stream().filter(GsoJudge::inSoftware).map(v -> new Object[] {Case.of(v)}).toList();
        return rows.isEmpty() ? List.<Object[]>of(new Object[] {Case.none("every send's shape is within what the DUT advertises ("
                + GsoJudge.host().advertisement().gso() + "), so the framework never segments in software")}).iterator() : rows.iterator();
    }

    // ---------------------------------------------------------------- GSO-FB-01

    @Test(dataProvider = "segmentedInSoftware")
    @Requirement(value = "GSO-FB-01", title = "Beyond the advertised shapes or offset limit: software segmentation, the DUT sees Mss 0 and MSS-size packets")
    public void required_gsoFb01_softwareSegmentation(Case<GsoVector> vector) {
        GsoObservation o = observed(vector);
        List<Transmission> packets = o.transmission().packets();
        int mss = o.vector().send().mss();
        for (int i = 0; i < packets.size(); i++) {
            Transmission p = packets.get(i);
            if (p.handed().gso().mss() != 0 || p.layout().payloadLength() > mss) {
                throw failure("GSO-FB-01", o, i, "packet " + (i + 1) + " of " + packets.size() + " handed to the DUT carried " + p.handed().gso()
                        + " and " + p.layout().payloadLength() + " payload bytes: the framework segments it (" + o.transmission().route()
                        + ") and hands over segments of at most MSS " + mss + " with Mss 0");
            }
        }
        List<byte[]> wire = GsoJudge.segmentsSent("GSO-FB-01", o);
        if (wire.size() != packets.size() || packets.size() != o.expectedFrames().size()) {
            throw failure("GSO-FB-01", o, -1, "the framework handed the DUT " + packets.size() + " segments and " + wire.size()
                    + " frames reached the wire, expected " + o.expectedFrames().size() + ": a packet with Mss 0 leaves as one frame");
        }
    }

    // ---------------------------------------------------------------- GSO-FB-02

    @Test(dataProvider = "segmentedInSoftware")
    @Requirement(value = "GSO-FB-02", title = "The framework's segments still get their checksums: the hardware's where it can, else the framework's")
    public void required_gsoFb02_segmentsGetChecksums(Case<GsoVector> vector) {
        GsoObservation o = observed(vector);
        for (Transmission p : o.transmission().packets()) {
            boolean udpWithoutChecksum = p.layout().isUdp() && o.vector().has(GsoVector.NO_UDP_CHECKSUM);
            if (!udpWithoutChecksum && p.request().layer4() != TxChecksumAction.REQUIRED) {
                throw failure("GSO-FB-02", o, -1, "the framework asked " + p.request() + " of a segment it made: the transport checksum"
                        + " is Required (spec 5.8(a))");
            }
        }
        eachSegment("GSO-FB-02", o, "each segment carries checksums of its own, computed by the DUT's checksum offload ("
                + o.transmission().packets().get(0).route() + ")", GsoJudge::checksums);
    }

    // ---------------------------------------------------------------- GSO-FB-03

    @Test(dataProvider = "segmentedInSoftware")
    @Requirement(value = "GSO-FB-03", title = "What the fallback puts on the wire meets GSO-TCP-01..10 and GSO-UDP-01..05: the reference's segments")
    public void required_gsoFb03_sameAsTheReference(Case<GsoVector> vector) {
        GsoObservation o = observed(vector);
        List<byte[]> wire = GsoJudge.segmentsSent("GSO-FB-03", o);
        if (wire.size() != o.expectedFrames().size()) {
            throw failure("GSO-FB-03", o, -1, wire.size() + " segments on the wire, expected " + o.expectedFrames().size());
        }
        eachSegment("GSO-FB-03", o, "the framework's segments, checksummed, are the reference's byte for byte",
                (i, n, e, a) -> FrameDiff.first(e.frame(), a.frame()).map(FrameDiff.Difference::toString).orElse(null));
    }
}
