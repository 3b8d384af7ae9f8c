package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.reference.RxChecksumEvaluator;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;

/** Takes the Rx checksum callback and never applies it: it keeps validating what the stack switched off. */
public class IgnoresRxChecksumCallback extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-RX-03");
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        indications.send(batch.frames().stream().map(f -> RxChecksumEvaluator.indicate(f, RxChecksumOffload.ALL)).toList());
    }
}
