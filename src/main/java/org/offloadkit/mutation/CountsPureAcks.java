package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RscInfo;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;

/** Counts every frame folded into a unit, window updates and duplicate ACKs too, as coalesced segments. */
public class CountsPureAcks extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("RSC-05", "RSC-14");
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        indications.send(Rewrites.withMetadata(coalesce(batch.frames()), (unit, rsc) ->
                new RscInfo(unit.segments().size(), rsc.duplicateAckCount(), rsc.tcpTimestampDelta())));
    }
}
