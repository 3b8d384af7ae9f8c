package org.offloadkit.spec;

import java.util.List;

/**
 * The transmit counters a driver reports for OID_GEN_STATISTICS: frames and octets (each frame's bytes,
 * headers included) put on the wire since it started. A large send counts every frame it makes (spec 2.4
 * item 6, GSO-UDP-06).
 */
public record TxCounters(long frames, long octets) {

    public static final TxCounters ZERO = new TxCounters(0, 0);

    /** What these frames add to the counters. */
    public static TxCounters of(List<byte[]> frames) {
        return new TxCounters(frames.size(), frames.stream().mapToLong(f -> f.length).sum());
    }

    public TxCounters plus(TxCounters other) {
        return new TxCounters(frames + other.frames, octets + other.octets);
    }

    public TxCounters minus(TxCounters earlier) {
        return new TxCounters(frames - earlier.frames, octets - earlier.octets);
    }

    @Override
    public String toString() {
        return frames + " frames, " + octets + " octets";
    }
}
