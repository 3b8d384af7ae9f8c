package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.spec.TxPacket;

/** Computes a UDP checksum for every datagram, even when the template's 0 says the sender wants none. */
public class ReplacesZeroUdpChecksum extends FaultySegmentation {
    @Override
    public Set<String> breaks() {
        return Set.of("GSO-UDP-03");
    }

    @Override
    byte[] bend(TxPacket packet, byte[] segment, int index, int count) {
        FrameLayout l = FrameParser.parse(segment).layout();
        if (!l.isUdp() || Bytes.u16(segment, l.transportChecksumOffset()) != 0) {
            return segment;
        }
        int checksum = FrameChecksums.transportChecksum(segment, l);
        Bytes.put16(segment, l.transportChecksumOffset(), checksum == 0 ? 0xFFFF : checksum);
        return segment;
    }
}
