package org.offloadkit.mutation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.offloadkit.packet.FlowLabel;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.ParseResult;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;

/**
 * Compares a segment with its unit without its ECN bits (IP ECN field, TCP ECE and CWR): a congestion
 * mark arriving mid-unit is lost inside it, and the stack never slows down.
 */
public class CoalescesAcrossEcnChange extends Mutant {
    private static final int ECN_FLAGS = TcpFlags.ECE | TcpFlags.CWR;

    @Override
    public Set<String> breaks() {
        return Set.of("RSC-08");
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        Map<String, byte[]> first = new HashMap<>();
        List<byte[]> seen = Rewrites.each(batch.frames(), frame -> {
            ParseResult parsed = FrameParser.parse(frame);
            if (!(parsed instanceof FrameLayout l) || !l.isTcp()) {
                return frame;
            }
            byte[] model = first.computeIfAbsent(FlowLabel.of(frame), f -> frame.clone());
            int ecn = l.layer3Offset() + 1; // IPv4 TOS, or the IPv6 Traffic Class's low nibble in its second byte
            int mask = l.isIPv4() ? 0x03 : 0x30;
            int flags = l.layer4Offset() + 13;
            if (((frame[ecn] ^ model[ecn]) & mask) == 0 && ((frame[flags] ^ model[flags]) & ECN_FLAGS) == 0) {
                return frame;
            }
            frame[ecn] = (byte) (frame[ecn] & ~mask | model[ecn] & mask);
            frame[flags] = (byte) (frame[flags] & ~ECN_FLAGS | model[flags] & ECN_FLAGS);
            return Rewrites.checksumsFixed(frame);
        });
        indications.send(Rewrites.asReceivedWhereAlone(coalesce(seen), batch.frames(), activeRx()));
    }
}
