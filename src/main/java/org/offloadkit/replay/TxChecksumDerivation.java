package org.offloadkit.replay;

import java.util.HashSet;
import java.util.Set;

import org.offloadkit.corpus.TxChecksumVector;
import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;

/**
 * Transmit checksum vectors: each whole IPv4/IPv6 TCP or UDP packet with its checksums replaced by what the
 * stack hands the NIC (IPv4 header checksum 0, transport checksum seeded with the pseudo-header sum), Required
 * on every layer it has. An IPv4 UDP datagram captured without a checksum (0) is sent so: layer 4 Passthrough.
 * What the capture held in the checksum fields (right, wrong, or partial) does not matter: they are replaced.
 */
public final class TxChecksumDerivation extends Derivation<TxChecksumVector> {

    public TxChecksumDerivation(CaptureFrames frames, int groupSize) {
        super(frames, groupSize);
    }

    @Override
    protected void take(CapturedFrame f) {
        SkipReason reason = f.whyNotAWholeIpPacket();
        if (reason != null) {
            skip(reason);
            return;
        }
        emit(vector(frames().name(), f), f.number(), f.number(), 1);
    }

    /** The vector a captured packet gives: checksums as the stack leaves them for the request. */
    public static TxChecksumVector vector(String capture, CapturedFrame f) {
        FrameLayout layout = f.layout();
        byte[] frame = f.frame().clone();
        boolean udpWithoutChecksum = layout.isUdp() && layout.isIPv4() && Bytes.u16(frame, layout.transportChecksumOffset()) == 0;
        TxChecksum request = new TxChecksum(layout.isIPv4() ? TxChecksumAction.REQUIRED : TxChecksumAction.PASSTHROUGH,
                udpWithoutChecksum ? TxChecksumAction.PASSTHROUGH : TxChecksumAction.REQUIRED);
        if (layout.isIPv4()) {
            Bytes.put16(frame, layout.ipv4ChecksumOffset(), 0);
        }
        Set<String> tags = new HashSet<>();
        if (!udpWithoutChecksum) {
            Bytes.put16(frame, layout.transportChecksumOffset(), TxChecksumEngine.seed(frame, layout));
            if (layout.isUdp() && Bytes.u16(TxChecksumEngine.apply(frame, layout, request), layout.transportChecksumOffset()) == 0xFFFF) {
                tags.add(TxChecksumVector.UDP_SUM_ZERO);
            }
        }
        return new TxChecksumVector(capture + "#" + f.number(), describe(layout), (int) f.number(), frame, layout, request, tags);
    }
}
