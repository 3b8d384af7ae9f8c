package org.offloadkit.reference;

import org.offloadkit.spec.RscChecksumFinalization;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumOffload;

/**
 * Everything a receive batch is coalesced under.
 *
 * @param profile           whose rules
 * @param active            the active coalescing set: which IP versions, and whether TCP timestamps coalesce
 * @param rxChecksum        the active Rx checksum set, for the frames indicated as they arrived
 * @param finalization      recompute a unit's checksums, or mark them invalid (spec 3.2)
 * @param foldDuplicateAcks count duplicate ACKs into the tracked unit as the flowchart does; false is the
 *                          documented exemption, which indicates every duplicate ACK on its own
 */
public record RscSettings(RscProfile profile, RscOffload active, RxChecksumOffload rxChecksum,
                          RscChecksumFinalization finalization, boolean foldDuplicateAcks) {

    /** The NDIS rules as the reference adapter applies them: checksums recomputed, duplicate ACKs folded. */
    public static RscSettings ndis(RscOffload active, RxChecksumOffload rxChecksum) {
        return new RscSettings(RscProfile.NDIS, active, rxChecksum, RscChecksumFinalization.RECOMPUTE, true);
    }

    public RscSettings withFinalization(RscChecksumFinalization choice) {
        return new RscSettings(profile, active, rxChecksum, choice, foldDuplicateAcks);
    }

    public RscSettings withDuplicateAckExemption() {
        return new RscSettings(profile, active, rxChecksum, finalization, false);
    }

    public RscSettings withProfile(RscProfile rules) {
        return new RscSettings(rules, active, rxChecksum, finalization, foldDuplicateAcks);
    }
}
