package org.offloadkit.spec;

/**
 * The coalescing metadata of a receive indication: ms_packet_rsc (TCP member) and ms_packet_rsc_timestamp.
 *
 * @param coalescedSegmentCount data segments in the unit; 0 for a frame that was not coalesced
 * @param duplicateAckCount     duplicate ACKs folded into it; meaningful only with a count above 0
 * @param tcpTimestampDelta     RscTcpTimestampDelta, latest TSval less the earliest; meaningful only with a count above 0
 */
public record RscInfo(int coalescedSegmentCount, int duplicateAckCount, long tcpTimestampDelta) {

    public static final RscInfo NONE = new RscInfo(0, 0, 0);

    public boolean coalesced() {
        return coalescedSegmentCount > 0;
    }

    @Override
    public String toString() {
        return coalescedSegmentCount == 0 ? "not coalesced"
                : coalescedSegmentCount + " segments, " + duplicateAckCount + " dup ACKs, TS delta " + tcpTimestampDelta;
    }
}
