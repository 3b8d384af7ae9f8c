package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.TxPacket;

/**
 * Writes every datagram's UDP Length from the MSS, so a short last datagram claims more bytes than it carries.
 * A datagram whose UDP Length disagrees with its IP length does not parse, so every requirement that reads the
 * datagrams of such a send fails it, the lengths' own (GSO-UDP-02) first.
 */
public class UdpLengthOfAFullDatagram extends FaultySegmentation {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-UDP-01", "GSO-UDP-02", "GSO-UDP-03", "GSO-UDP-04", "GSO-UDP-05");
    }

    @Override
    byte[] bend(TxPacket packet, byte[] segment, int index, int count) {
        FrameLayout l = packet.layout();
        if (!l.isUdp() || index < count - 1) {
            return segment;
        }
        Bytes.put16(segment, l.layer4Offset() + 4, 8 + packet.gso().mss());
        return segment;
    }
}
