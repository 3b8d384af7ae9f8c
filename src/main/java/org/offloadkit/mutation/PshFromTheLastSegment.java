package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.TcpFlags;

/** Gives a unit the last segment's PSH, not the OR of its segments': a push in the middle is lost. */
public class PshFromTheLastSegment extends FromTheLastSegment {
    @Override
    public Set<String> breaks() {
        return Set.of("RSC-07");
    }

    @Override
    boolean take(byte[] unit, byte[] last, FrameLayout layout) {
        int flags = layout.layer4Offset() + 13;
        unit[flags] = (byte) (unit[flags] & ~TcpFlags.PSH | last[flags] & TcpFlags.PSH);
        return true;
    }
}
