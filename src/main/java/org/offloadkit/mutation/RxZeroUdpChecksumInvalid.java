package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxIndication;

/**
 * Checks an IPv4 UDP datagram's checksum even when the field is 0, which means "none" (RFC 768), and so calls
 * every such datagram Invalid: the stack drops good traffic.
 */
public class RxZeroUdpChecksumInvalid extends BentIndications {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-RX-02");
    }

    @Override
    RxIndication bend(RxIndication i) {
        if (i.layout().isIPv4() && i.layout().isUdp() && i.checksum().layer4() != RxChecksumEvaluation.NOT_CHECKED
                && Bytes.u16(i.frame(), i.layout().transportChecksumOffset()) == 0) {
            return new RxIndication(i.frame(), i.layout(), new RxChecksum(i.checksum().layer3(), RxChecksumEvaluation.INVALID), i.rsc());
        }
        return i;
    }
}
