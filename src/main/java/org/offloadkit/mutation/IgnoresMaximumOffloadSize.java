package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.reference.Segmentation;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * Segments whatever it is handed: it never checks a send against the MaximumOffloadSize, MinimumSegmentCount
 * and MSS it advertised, so a send it should fail goes out instead: as too few segments (GSO-TCP-01), beyond the
 * maximum (GSO-TCP-14, GSO-UDP-08), or completed with success (GSO-UDP-07).
 */
public class IgnoresMaximumOffloadSize extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-TCP-01", "GSO-TCP-14", "GSO-UDP-07", "GSO-UDP-08");
    }

    @Override
    protected TxResult segment(TxPacket packet) {
        Segmentation s = GsoSegmenter.segment(packet.frame(), largeSend(packet), GsoSegmenter.Limits.UNCHECKED, GsoSegmenter.Checksums.FINISHED);
        return s instanceof Segmentation.Segments segments ? TxResult.sent(segments.frames()) : TxResult.failed(s.toString(), List.of());
    }
}
