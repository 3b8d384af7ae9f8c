package org.offloadkit.replay;

import java.util.Set;

import org.offloadkit.corpus.RxChecksumVector;
import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.reference.RxChecksumEvaluator;
import org.offloadkit.spec.RxChecksumOffload;

/**
 * Receive checksum vectors: each packet as it was received, whatever it is (ARP and ICMP get NotChecked from
 * a correct adapter, a corrupted checksum Invalid), judged by the reference. Packets cut by the snap length
 * and packets captured before the sender's checksum offload are skipped: their checksum fields tell nothing
 * about what a NIC receives.
 */
public final class RxChecksumDerivation extends Derivation<RxChecksumVector> {

    public RxChecksumDerivation(CaptureFrames frames, int groupSize) {
        super(frames, groupSize);
    }

    @Override
    protected void take(CapturedFrame f) {
        if (f.unusable() != null) {
            skip(f.unusable());
        } else if (f.cut()) {
            skip(SkipReason.SNAPLEN_CUT);
        } else if (f.partial()) {
            skip(SkipReason.PARTIAL_CHECKSUM);
        } else {
            emit(vector(frames().name(), f), f.number(), f.number(), 1);
        }
    }

    public static RxChecksumVector vector(String capture, CapturedFrame f) {
        String name = f.parsedAsIp() ? describe(f.layout()) : f.parsed().isMalformed() ? "malformed" : "not-ip";
        boolean udpZero = f.parsed() instanceof FrameLayout l && l.isUdp() && l.isIPv4()
                && Bytes.u16(f.frame(), l.transportChecksumOffset()) == 0;
        return new RxChecksumVector(capture + "#" + f.number(), name, (int) f.number(), f.frame(),
                RxChecksumEvaluator.indicate(f.frame(), RxChecksumOffload.ALL).checksum(),
                udpZero ? Set.of(RxChecksumVector.UDP_ZERO_CHECKSUM_IPV4) : Set.of());
    }
}
