package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.spec.TxPacket;

/** Writes a computed UDP checksum of 0 as 0x0000, which the receiver reads as "no checksum". */
public class SendsZeroUdpChecksum extends FaultyChecksumEngine {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-06");
    }

    @Override
    byte[] send(TxPacket packet) {
        byte[] frame = correct(packet);
        int field = packet.layout().transportChecksumOffset();
        if (packet.layout().isUdp() && Bytes.u16(frame, field) == 0xFFFF) {
            Bytes.put16(frame, field, 0);
        }
        return frame;
    }
}
