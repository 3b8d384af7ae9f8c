package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RscInfo;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;

/** Reports the segments appended to a unit's first, one short of CoalescedSegmentCount. */
public class MiscountsCoalescedSegments extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("RSC-05", "RSC-14");
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        indications.send(Rewrites.withMetadata(coalesce(batch.frames()), (unit, rsc) -> rsc.coalesced()
                ? new RscInfo(rsc.coalescedSegmentCount() - 1, rsc.duplicateAckCount(), rsc.tcpTimestampDelta()) : rsc));
    }
}
