package org.offloadkit.mutation;

import java.util.List;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;

/**
 * A coalescer that builds a unit's header from its last segment where the rules want something else: the
 * reference's unit with one field taken from the last segment, its checksums made right again.
 */
abstract class FromTheLastSegment extends Mutant {

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        indications.send(coalesce(batch.frames()).stream().map(unit -> {
            RxIndication i = unit.indication();
            if (unit.segments().size() < 2) {
                return i;
            }
            byte[] frame = i.frame().clone();
            if (!take(frame, batch.frames().get(unit.segments().get(unit.segments().size() - 1)), i.layout())) {
                return i;
            }
            return new RxIndication(Rewrites.checksumsFixed(frame), i.layout(), i.checksum(), i.rsc());
        }).toList());
    }

    /** Writes the last segment's field into the unit; false when this unit has no such field. */
    abstract boolean take(byte[] unit, byte[] last, FrameLayout layout);
}
