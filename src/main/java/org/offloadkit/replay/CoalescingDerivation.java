package org.offloadkit.replay;

import java.util.ArrayList;
import java.util.List;

import org.offloadkit.corpus.RscCase;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;

/**
 * Coalescing cases: the capture's whole TCP segments in capture order, cut into receive batches of
 * {@link #BATCH} frames (a NAPI budget), a few batches to a case, received back to back. What a correct
 * adapter indicates is the reference coalescer's business; nobody worked the units out by hand. A segment
 * captured before the sender's checksum offload gets the checksum its NIC would have put on the wire, since
 * that is what a receiver gets; each is counted.
 */
public final class CoalescingDerivation extends Derivation<RscCase> {
    public static final int BATCH = 64;
    static final int BATCHES_PER_CASE = 4;
    private static final TxChecksum TRANSPORT_CHECKSUM = new TxChecksum(TxChecksumAction.PASSTHROUGH, TxChecksumAction.REQUIRED);

    private final List<String> requirements;
    private final List<byte[]> frames = new ArrayList<>();
    private long first;
    private long last;
    private long completed;

    /** @param requirements the coalescing requirements each case is judged by */
    public CoalescingDerivation(CaptureFrames frames, int casesPerGroup, List<String> requirements) {
        super(frames, casesPerGroup);
        this.requirements = List.copyOf(requirements);
    }

    @Override
    protected void take(CapturedFrame f) {
        SkipReason reason = f.whyNotAWholeIpPacket();
        if (reason == null && !f.layout().isTcp()) {
            reason = SkipReason.NOT_TCP;
        }
        if (reason != null) {
            skip(reason);
            return;
        }
        byte[] frame = f.frame();
        if (f.partial()) {
            frame = TxChecksumEngine.apply(frame, f.layout(), TRANSPORT_CHECKSUM);
            completed++;
        }
        if (frames.isEmpty()) {
            first = f.number();
        }
        last = f.number();
        frames.add(frame);
        if (frames.size() == BATCH * BATCHES_PER_CASE) {
            closeCase();
        }
    }

    @Override
    protected void flush() {
        closeCase();
    }

    private void closeCase() {
        if (frames.isEmpty()) {
            return;
        }
        List<List<byte[]>> batches = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += BATCH) {
            batches.add(List.copyOf(frames.subList(i, Math.min(frames.size(), i + BATCH))));
        }
        String id = frames().name() + "#" + first + "-" + last;
        String idea = frames.size() + " TCP segments of " + frames().name() + " (packets " + first + " to " + last
                + ") in capture order, in batches of " + BATCH;
        emit(new RscCase(id, "", idea, batches, requirements, List.of("(the reference coalescer's units)")), first, last, frames.size());
        frames.clear();
    }

    /** Segments captured before the sender's checksum offload, received with the checksum its NIC would have sent. */
    public long checksumsCompleted() {
        return completed;
    }

}
