package org.offloadkit.packet;

import static org.offloadkit.packet.InternetChecksum.add;
import static org.offloadkit.packet.InternetChecksum.complement;
import static org.offloadkit.packet.InternetChecksum.pseudoHeaderSum;
import static org.offloadkit.packet.InternetChecksum.sum;

/** Checksums of a laid-out frame, computed from scratch or verified as they stand. */
public final class FrameChecksums {
    private FrameChecksums() {}

    /** The IPv4 header checksum the header should carry, whatever its checksum field holds now. */
    public static int ipv4HeaderChecksum(byte[] frame, FrameLayout layout) {
        int l3 = layout.layer3Offset();
        return complement(add(sum(frame, l3, 10), sum(frame, l3 + 12, layout.layer3Length() - 12)));
    }

    public static boolean ipv4HeaderVerifies(byte[] frame, FrameLayout layout) {
        return sum(frame, layout.layer3Offset(), layout.layer3Length()) == 0xFFFF;
    }

    /**
     * The TCP or UDP checksum over pseudo-header, header and payload, whatever the checksum field holds
     * now, before UDP's rule that a computed 0 goes out as 0xFFFF.
     */
    public static int transportChecksum(byte[] frame, FrameLayout layout) {
        int l4 = layout.layer4Offset();
        int field = layout.transportChecksumOffset();
        int length = layout.transportLength();
        int before = sum(frame, l4, field - l4);
        int after = sum(frame, field + 2, l4 + length - field - 2);
        return complement(add(pseudoHeaderSum(frame, layout, length), add(before, after)));
    }

    /** True when the TCP or UDP checksum field completes the one's complement sum to 0xFFFF. */
    public static boolean transportVerifies(byte[] frame, FrameLayout layout) {
        int length = layout.transportLength();
        return add(pseudoHeaderSum(frame, layout, length), sum(frame, layout.layer4Offset(), length)) == 0xFFFF;
    }
}
