package org.offloadkit.replay;

import java.util.EnumMap;
import java.util.Map;

/** What one pass over a capture made of its packets for one offload: how many were used, how many skipped and why. */
public final class Tally {
    private long packets;
    private long used;
    private long vectors;
    private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);

    void packet() {
        packets++;
    }

    void used(long count) {
        used += count;
    }

    void vectors(long count) {
        vectors += count;
    }

    void skip(SkipReason reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    void skip(SkipReason reason, long count) {
        if (count > 0) {
            skipped.merge(reason, count, Long::sum);
        }
    }

    public long packets() {
        return packets;
    }

    /** Packets that went into some vector. */
    public long used() {
        return used;
    }

    public long vectors() {
        return vectors;
    }

    public Map<SkipReason, Long> skipped() {
        return Map.copyOf(skipped);
    }

    public long skipped(SkipReason reason) {
        return skipped.getOrDefault(reason, 0L);
    }

    /** "1,204 packets: 1,100 used in 1,100 vectors; skipped: 100 not IP (ARP, ...), 4 cut by ..." */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format("%,d packets: %,d used in %,d vectors", packets, used, vectors));
        if (!skipped.isEmpty()) {
            s.append("; skipped:");
            skipped.forEach((reason, n) -> s.append(String.format("%n  %,d %s", n, reason.description)));
        }
        return s.toString();
    }
}
