package org.offloadkit.mutation;

import java.util.List;

import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;

/** A receive path that gets every verdict right inside and reports some of them wrong on the way out. */
abstract class BentIndications extends Mutant {

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        super.receive(batch, answer -> indications.send(answer.stream().map(this::bend).toList()));
    }

    /** The indication as this adapter reports it. */
    abstract RxIndication bend(RxIndication indication);
}
