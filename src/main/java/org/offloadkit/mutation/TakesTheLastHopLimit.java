package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.FrameLayout;

/** Writes the last segment's Hop Limit into an IPv6 unit instead of the smallest. */
public class TakesTheLastHopLimit extends FromTheLastSegment {
    @Override
    public Set<String> breaks() {
        return Set.of("RSC-11");
    }

    @Override
    boolean take(byte[] unit, byte[] last, FrameLayout layout) {
        if (!layout.isIPv6()) {
            return false;
        }
        int hopLimit = layout.layer3Offset() + 7;
        unit[hopLimit] = last[hopLimit];
        return true;
    }
}
