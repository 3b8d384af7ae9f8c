package org.offloadkit.framework;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** How much the framework did in software for an adapter: the fallback paths the run took, for the report. */
public final class FallbackCounts {
    private final AtomicLong checksums = new AtomicLong();
    private final AtomicLong segmentations = new AtomicLong();
    private final AtomicLong coalescedUnits = new AtomicLong();

    void checksummed() {
        checksums.incrementAndGet();
    }

    void segmented() {
        segmentations.incrementAndGet();
    }

    void coalesced(long units) {
        coalescedUnits.addAndGet(units);
    }

    /** Packets checksummed, large sends segmented and units coalesced by the framework. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("packets checksummed in software", checksums.get());
        counts.put("large sends segmented in software", segmentations.get());
        counts.put("units coalesced in software", coalescedUnits.get());
        return counts;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
