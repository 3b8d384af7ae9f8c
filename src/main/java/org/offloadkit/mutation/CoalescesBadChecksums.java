package org.offloadkit.mutation;

import static org.offloadkit.spec.RxChecksumEvaluation.VALID;

import java.util.List;
import java.util.Set;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.reference.RxChecksumEvaluator;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;

/**
 * Coalesces before it validates: a segment whose IPv4 or TCP checksum is wrong is folded into its unit, whose
 * checksums are then computed afresh, and the corruption reaches the stack as good data.
 */
public class CoalescesBadChecksums extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("RSC-03");
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        List<byte[]> seen = Rewrites.each(batch.frames(), f -> FrameParser.parse(f) instanceof FrameLayout l && l.isTcp()
                && !RxChecksumEvaluator.evaluate(f, l, RxChecksumOffload.ALL).equals(new RxChecksum(VALID, VALID)) ? Rewrites.checksumsFixed(f) : f);
        indications.send(Rewrites.asReceivedWhereAlone(coalesce(seen), batch.frames(), activeRx()));
    }
}
