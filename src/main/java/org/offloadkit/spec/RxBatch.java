package org.offloadkit.spec;

import java.util.List;

/**
 * Frames that arrive from the wire together, as one receive interrupt (DPC) would see them. Nothing may
 * be coalesced across batches.
 */
public record RxBatch(long sequence, List<byte[]> frames) {
    public RxBatch {
        frames = List.copyOf(frames);
    }

    @Override
    public String toString() {
        return "RxBatch#" + sequence + " of " + frames.size() + " frame(s)";
    }
}
