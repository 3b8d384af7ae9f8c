package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.TxPacket;

/** Builds each segment with a bare 20-byte TCP header, leaving the template's TCP options out. */
public class DropsTcpOptions extends FaultySegmentation {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-TCP-05", "GSO-TCP-08");
    }

    @Override
    byte[] bend(TxPacket packet, byte[] segment, int index, int count) {
        FrameLayout l = packet.layout();
        int options = l.layer4Length() - 20;
        if (!isTcp(packet) || options == 0) {
            return segment;
        }
        int l4 = l.layer4Offset();
        byte[] bare = new byte[segment.length - options];
        System.arraycopy(segment, 0, bare, 0, l4 + 20);
        System.arraycopy(segment, l.payloadOffset(), bare, l4 + 20, segment.length - l.payloadOffset());
        bare[l4 + 12] = (byte) (5 << 4 | (bare[l4 + 12] & 0x0F));
        int l3 = l.layer3Offset();
        Bytes.put16(bare, l3 + (l.isIPv4() ? 2 : 4), bare.length - l3 - (l.isIPv4() ? 0 : 40));
        return withChecksums(bare);
    }
}
