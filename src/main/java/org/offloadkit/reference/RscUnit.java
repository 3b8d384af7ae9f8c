package org.offloadkit.reference;

import java.util.List;

import org.offloadkit.spec.RxIndication;

/**
 * One indication of a coalesced batch and the received frames it stands for.
 *
 * @param indication what the adapter indicates
 * @param segments   the 0-based places in the batch of the frames folded into it, in arrival order; one
 *                   place for a frame indicated as it arrived
 */
public record RscUnit(RxIndication indication, List<Integer> segments) {
    public RscUnit {
        segments = List.copyOf(segments);
    }
}
