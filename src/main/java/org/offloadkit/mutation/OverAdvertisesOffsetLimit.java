package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.spec.TxPacket;

/**
 * Advertises a Tx checksum layer 4 header offset limit of 255 bytes, but its descriptor field has 7 bits: a
 * packet whose TCP or UDP header starts beyond 127 bytes goes out with its checksums unfilled: declared layouts
 * fail CSUM-TX-01, and those that name the IP version only, which never fall back on an offset limit, CSUM-TX-05.
 */
public class OverAdvertisesOffsetLimit extends FaultyChecksumEngine {
    private static final int REAL_LIMIT = 127;

    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-01", "CSUM-TX-05");
    }

    @Override
    byte[] send(TxPacket packet) {
        return packet.layout().layer4Offset() > REAL_LIMIT ? packet.frame() : correct(packet);
    }
}
