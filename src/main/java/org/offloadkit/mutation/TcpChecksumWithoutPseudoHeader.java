package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxPacket;

/**
 * Sums the TCP segment but forgets the pseudo-header. Every TCP checksum it computes is wrong, so the
 * requirements that judge hardware-computed TCP checksums fail: CSUM-TX-01 for declared layouts and
 * CSUM-TX-05 for layouts that name the IP version only.
 */
public class TcpChecksumWithoutPseudoHeader extends FaultyChecksumEngine {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-01", "CSUM-TX-05");
    }

    @Override
    byte[] send(TxPacket packet) {
        byte[] frame = correct(packet);
        if (packet.checksum().layer4() == TxChecksumAction.REQUIRED && packet.layout().isTcp()) {
            int field = packet.layout().transportChecksumOffset();
            Bytes.put16(frame, field, 0);
            Bytes.put16(frame, field, InternetChecksum.complement(
                    InternetChecksum.sum(frame, packet.layout().layer4Offset(), packet.layout().transportLength())));
        }
        return frame;
    }
}
