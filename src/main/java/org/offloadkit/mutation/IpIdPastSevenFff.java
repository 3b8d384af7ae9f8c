package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.spec.TxPacket;

/** Counts LSOv2 IPv4 IDs on past 0x7FFF into the half reserved for chimney offload, wrapping at 16 bits. */
public class IpIdPastSevenFff extends FaultySegmentation {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-TCP-10");
    }

    @Override
    byte[] bend(TxPacket packet, byte[] segment, int index, int count) {
        if (!isTcp(packet) || !packet.layout().isIPv4()) {
            return segment;
        }
        int id = packet.layout().layer3Offset() + 4;
        Bytes.put16(segment, id, (Bytes.u16(packet.frame(), id) + index) & 0xFFFF);
        return withChecksums(segment);
    }
}
