package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Layer3Type;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * Its descriptor path for IPv6 with extension headers drops the checksum request: the seed goes out as
 * the checksum. CSUM-TX-01 catches it, and CSUM-TX-06 too, because one UDP datagram whose sum is zero
 * travels with a hop-by-hop header.
 */
public class IgnoresRequiredOnIpv6Extensions extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-01", "CSUM-TX-06");
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        if (packet.layout().layer3Type() == Layer3Type.IPV6_WITH_EXTENSIONS) {
            completion.send(TxResult.sent(packet.frame()));
        } else {
            super.transmit(packet, completion);
        }
    }
}
