package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.spec.TxPacket;

/** Gives every segment and datagram the template's IPv4 ID. */
public class IpIdNotIncremented extends FaultySegmentation {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-TCP-10", "GSO-UDP-04");
    }

    @Override
    byte[] bend(TxPacket packet, byte[] segment, int index, int count) {
        if (!packet.layout().isIPv4()) {
            return segment;
        }
        int id = packet.layout().layer3Offset() + 4;
        Bytes.put16(segment, id, Bytes.u16(packet.frame(), id));
        return withChecksums(segment);
    }
}
