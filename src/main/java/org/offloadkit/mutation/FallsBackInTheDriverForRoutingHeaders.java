package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.InternetChecksum;
import org.offloadkit.packet.Layer3Type;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.TxChecksumAction;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

/**
 * Claims a shape its hardware cannot do: it advertises Tx checksum for IPv6 with extension headers, and its driver
 * computes those checksums in software itself instead of leaving them to NetAdapterCx's fallback. Its software
 * takes the pseudo-header's destination from the IPv6 header, not from a routing header with segments left, so
 * CSUM-TX-01 fails on exactly those vectors.
 */
public class FallsBackInTheDriverForRoutingHeaders extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-01");
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        FrameLayout layout = packet.layout();
        if (layout.layer3Type() != Layer3Type.IPV6_WITH_EXTENSIONS || packet.checksum().layer4() != TxChecksumAction.REQUIRED
                || packet.gso().segments()) {
            super.transmit(packet, completion);
            return;
        }
        byte[] frame = TxChecksumEngine.apply(packet.frame(), layout, packet.checksum());
        int l3 = layout.layer3Offset();
        int l4 = layout.layer4Offset();
        int length = frame.length - l4;
        int field = layout.transportChecksumOffset();
        Bytes.put16(frame, field, 0);
        int sum = InternetChecksum.sum(frame, l3 + 8, 32);
        sum = InternetChecksum.add(sum, length);
        sum = InternetChecksum.add(sum, layout.isTcp() ? 6 : 17);
        sum = InternetChecksum.add(sum, InternetChecksum.sum(frame, l4, length));
        int checksum = InternetChecksum.complement(sum);
        Bytes.put16(frame, field, checksum == 0 && layout.isUdp() ? 0xFFFF : checksum);
        completion.send(TxResult.sent(frame));
    }
}
