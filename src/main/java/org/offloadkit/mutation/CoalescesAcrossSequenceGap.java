package org.offloadkit.mutation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FlowLabel;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.ParseResult;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;

/**
 * Appends a data segment that follows a plain data segment of its flow whatever its sequence number: lost
 * segments vanish inside a unit that claims to be contiguous.
 */
public class CoalescesAcrossSequenceGap extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("RSC-04");
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        Map<String, Long> next = new HashMap<>();
        List<byte[]> seen = Rewrites.each(batch.frames(), frame -> {
            ParseResult parsed = FrameParser.parse(frame);
            if (!(parsed instanceof FrameLayout l) || !l.isTcp()) {
                return frame;
            }
            String flow = FlowLabel.of(frame);
            int seq = l.layer4Offset() + 4;
            Long expected = next.remove(flow);
            if (expected != null && l.payloadLength() > 0 && (int) (Bytes.u32(frame, seq) - expected) > 0) {
                Bytes.put32(frame, seq, expected); // the hardware never looks: as if the gap were not there
                Rewrites.checksumsFixed(frame);
            }
            if (Bytes.u8(frame, l.layer4Offset() + 13) == TcpFlags.ACK && l.layer4Length() == 20 && l.payloadLength() > 0) {
                next.put(flow, (Bytes.u32(frame, seq) + l.payloadLength()) & 0xFFFFFFFFL);
            }
            return frame;
        });
        indications.send(Rewrites.asReceivedWhereAlone(coalesce(seen), batch.frames(), activeRx()));
    }
}
