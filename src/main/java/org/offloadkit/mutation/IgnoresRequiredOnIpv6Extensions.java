package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Layer3Type;
import org.offloadkit.spec.TxPacket;

/**
 * Its descriptor path for IPv6 with extension headers drops the checksum request: the seed goes out as
 * the checksum. CSUM-TX-01 catches it, and CSUM-TX-06 too, because one UDP datagram whose sum is zero
 * travels with a hop-by-hop header.
 */
public class IgnoresRequiredOnIpv6Extensions extends FaultyChecksumEngine {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-01", "CSUM-TX-06");
    }

    @Override
    byte[] send(TxPacket packet) {
        return packet.layout().layer3Type() == Layer3Type.IPV6_WITH_EXTENSIONS ? packet.frame() : correct(packet);
    }
}
