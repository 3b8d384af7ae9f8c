package org.offloadkit.spec;

/** The Rx side of ms_packet_checksum: the adapter's verdict on each layer. */
public record RxChecksum(RxChecksumEvaluation layer3, RxChecksumEvaluation layer4) {

    public static final RxChecksum NOT_CHECKED = new RxChecksum(RxChecksumEvaluation.NOT_CHECKED, RxChecksumEvaluation.NOT_CHECKED);

    @Override
    public String toString() {
        return "L3 " + layer3 + " L4 " + layer4;
    }
}
