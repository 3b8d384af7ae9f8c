package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxIndication;

/** Reports Valid for a UDP datagram whose checksum is wrong: the stack would accept corrupted data. */
public class RxReportsCorruptUdpValid extends BentIndications {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-RX-02");
    }

    @Override
    RxIndication bend(RxIndication i) {
        if (i.layout().isUdp() && i.checksum().layer4() == RxChecksumEvaluation.INVALID) {
            return new RxIndication(i.frame(), i.layout(), new RxChecksum(i.checksum().layer3(), RxChecksumEvaluation.VALID), i.rsc());
        }
        return i;
    }
}
