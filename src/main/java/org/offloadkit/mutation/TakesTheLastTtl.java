package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.FrameLayout;

/** Writes the last segment's TTL into an IPv4 unit instead of the smallest. */
public class TakesTheLastTtl extends FromTheLastSegment {
    @Override
    public Set<String> breaks() {
        return Set.of("RSC-10");
    }

    @Override
    boolean take(byte[] unit, byte[] last, FrameLayout layout) {
        if (!layout.isIPv4()) {
            return false;
        }
        int ttl = layout.layer3Offset() + 8;
        unit[ttl] = last[ttl];
        return true;
    }
}
