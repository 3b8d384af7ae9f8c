package org.offloadkit.pcap;

/**
 * One packet of a capture.
 *
 * @param timestampNanos nanoseconds since the epoch
 * @param data           the captured bytes
 * @param originalLength the length on the wire; more than {@code data.length} when the snap length cut it
 */
public record PcapRecord(long timestampNanos, byte[] data, int originalLength) {
    public static PcapRecord of(long timestampNanos, byte[] data) {
        return new PcapRecord(timestampNanos, data, data.length);
    }
}
