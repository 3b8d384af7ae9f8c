package org.offloadkit.mutation;

import java.util.Arrays;
import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.TxPacket;

/** Sends the last TCP segment as a full MSS, zeros after the user bytes, its lengths counting them. */
public class PadsLastSegmentToMss extends FaultySegmentation {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-TCP-02", "GSO-TCP-03", "GSO-TCP-08", "GSO-TCP-11", "GSO-TCP-12");
    }

    @Override
    byte[] bend(TxPacket packet, byte[] segment, int index, int count) {
        FrameLayout l = packet.layout();
        if (!isTcp(packet) || index < count - 1) {
            return segment;
        }
        byte[] padded = Arrays.copyOf(segment, l.payloadOffset() + packet.gso().mss());
        int l3 = l.layer3Offset();
        Bytes.put16(padded, l3 + (l.isIPv4() ? 2 : 4), padded.length - l3 - (l.isIPv4() ? 0 : 40));
        return withChecksums(padded);
    }
}
