package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.TcpFlags;
import org.offloadkit.spec.TxPacket;

/** Copies the template's CWR onto every segment: the receiver sees the congestion window reduced again and again. */
public class CwrOnEverySegment extends FaultySegmentation {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-TCP-07");
    }

    @Override
    byte[] bend(TxPacket packet, byte[] segment, int index, int count) {
        if (!isTcp(packet)) {
            return segment;
        }
        int flags = packet.layout().layer4Offset() + 13;
        segment[flags] |= (byte) (packet.frame()[flags] & TcpFlags.CWR);
        return withChecksums(segment);
    }
}
