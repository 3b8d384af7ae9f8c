package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxPacket;

/**
 * Clears the TCP or UDP checksum field of every packet it is not asked to checksum, as some descriptor formats
 * do by default: the checksums the stack (CSUM-TX-03) or the framework's software fallback (CSUM-TX-04) computed
 * are lost, on layouts that name the IP version only too (CSUM-TX-05), and on the framework's software segments
 * (GSO-FB-02, GSO-FB-03).
 */
public class ZeroesPassthroughChecksums extends FaultyChecksumEngine {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-03", "CSUM-TX-04", "CSUM-TX-05", "GSO-FB-02", "GSO-FB-03");
    }

    @Override
    byte[] send(TxPacket packet) {
        byte[] frame = correct(packet);
        if (packet.checksum().layer4() == TxChecksumAction.PASSTHROUGH && (packet.layout().isTcp() || packet.layout().isUdp())) {
            Bytes.put16(frame, packet.layout().transportChecksumOffset(), 0);
        }
        return frame;
    }
}
