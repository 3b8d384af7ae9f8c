package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxIndication;

/**
 * Never checks the IPv4 header checksum and reports it Valid anyway: a corrupted header reaches the stack as good,
 * a segment indicated alone by the coalescer too (RSC-13).
 */
public class RxSkipsIpv4HeaderCheck extends BentIndications {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-RX-02", "RSC-13");
    }

    @Override
    RxIndication bend(RxIndication i) {
        if (i.layout().isIPv4() && i.checksum().layer3() == RxChecksumEvaluation.INVALID) {
            return new RxIndication(i.frame(), i.layout(), new RxChecksum(RxChecksumEvaluation.VALID, i.checksum().layer4()), i.rsc());
        }
        return i;
    }
}
