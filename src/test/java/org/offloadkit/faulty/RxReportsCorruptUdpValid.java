package org.offloadkit.faulty;

import java.util.List;
import java.util.Set;

import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxIndication;

/** Reports Valid for a UDP datagram whose checksum is wrong: the stack would accept corrupted data. */
public class RxReportsCorruptUdpValid extends FaultyAdapter {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-RX-02");
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        super.receive(batch, answer -> indications.send(answer.stream().map(RxReportsCorruptUdpValid::lie).toList()));
    }

    private static RxIndication lie(RxIndication i) {
        if (i.layout().isUdp() && i.checksum().layer4() == RxChecksumEvaluation.INVALID) {
            return new RxIndication(i.frame(), i.layout(), new RxChecksum(i.checksum().layer3(), RxChecksumEvaluation.VALID));
        }
        return i;
    }
}
