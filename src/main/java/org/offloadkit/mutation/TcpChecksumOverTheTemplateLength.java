package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.spec.TxPacket;

/** Puts the whole send's TCP length into every segment's pseudo-header, not the segment's own. */
public class TcpChecksumOverTheTemplateLength extends FaultySegmentation {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-TCP-09");
    }

    @Override
    byte[] bend(TxPacket packet, byte[] segment, int index, int count) {
        FrameLayout l = packet.layout();
        if (!isTcp(packet)) {
            return segment;
        }
        int field = l.transportChecksumOffset();
        int segmentLength = segment.length - l.layer4Offset();
        Bytes.put16(segment, field, Bytes.u16(packet.frame(), field)); // the stack's seed, without a length
        int sum = InternetChecksum.add(InternetChecksum.sum(segment, l.layer4Offset(), segmentLength), l.transportLength());
        Bytes.put16(segment, field, InternetChecksum.complement(sum));
        return segment;
    }
}
