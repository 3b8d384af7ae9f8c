package org.offloadkit.reference;

import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.offloadkit.spec.RxIndication;

/**
 * One indication of a coalesced batch and the received frames it stands for.
 *
 * <p>A coalesced unit is decided, its headers finalized and its checksums and metadata set when the batch is
 * coalesced; its payload stays where it arrived, in its segments' frames, as a NIC's RSC indicates a chain of
 * receive fragments and Linux's GRO a chain of pages. It is gathered into one contiguous frame the first time
 * {@link #indication()} is asked for, which is what the DUT contract hands over; until then the batch's
 * frames must stay as they arrived, as the kit keeps every frame it receives (a rewrite works on a copy).
 */
public final class RscUnit {
    private final List<Integer> segments;
    private Supplier<RxIndication> gather;
    private RxIndication indication;

    /** A frame indicated as it arrived, or a unit already gathered. */
    RscUnit(RxIndication indication, List<Integer> segments) {
        this.segments = List.copyOf(segments);
        this.indication = indication;
    }

    /** A coalesced unit whose payload {@code gather} copies together when it is first indicated; it takes {@code segments}. */
    RscUnit(Supplier<RxIndication> gather, List<Integer> segments) {
        this.segments = Collections.unmodifiableList(segments);
        this.gather = gather;
    }

    /** What the adapter indicates, as one frame. */
    public synchronized RxIndication indication() {
        if (indication == null) {
            indication = gather.get();
            gather = null;
        }
        return indication;
    }

    /**
     * The 0-based places in the batch of the frames folded into it, in arrival order; one place for a frame
     * indicated as it arrived.
     */
    public List<Integer> segments() {
        return segments;
    }

    @Override
    public synchronized String toString() {
        return "unit of segments " + segments + (indication != null ? ": " + indication : ", not gathered yet");
    }
}
