package org.offloadkit.spec;

/**
 * The Rx side of ms_packet_checksum: the adapter's verdict on each layer.
 *
 * @param valuesInvalid TcpChecksumValueInvalid and IpChecksumValueInvalid: on a coalesced unit, the adapter
 *                      validated the segments' checksums but did not recompute the unit's, so its checksum
 *                      fields mean nothing (spec 3.2). NetAdapterCx has no such member [GAP]; the kit takes
 *                      it from the indication, per unit, as NDIS takes it from the NET_BUFFER_LIST.
 */
public record RxChecksum(RxChecksumEvaluation layer3, RxChecksumEvaluation layer4, boolean valuesInvalid) {

    public static final RxChecksum NOT_CHECKED = new RxChecksum(RxChecksumEvaluation.NOT_CHECKED, RxChecksumEvaluation.NOT_CHECKED);

    /** A verdict on checksum fields that hold what they should. */
    public RxChecksum(RxChecksumEvaluation layer3, RxChecksumEvaluation layer4) {
        this(layer3, layer4, false);
    }

    @Override
    public String toString() {
        return "L3 " + layer3 + " L4 " + layer4 + (valuesInvalid ? " (values invalid)" : "");
    }
}
