package org.offloadkit.spec;

/** NET_PACKET_RX_CHECKSUM_EVALUATION, per layer of ms_packet_checksum. */
public enum RxChecksumEvaluation {
    /** The stack verifies it in software. */
    NOT_CHECKED(0),
    VALID(1),
    INVALID(2);

    public final int ndisValue;

    RxChecksumEvaluation(int ndisValue) {
        this.ndisValue = ndisValue;
    }
}
