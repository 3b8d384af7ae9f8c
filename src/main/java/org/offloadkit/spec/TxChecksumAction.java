package org.offloadkit.spec;

/** NET_PACKET_TX_CHECKSUM_ACTION, per layer of ms_packet_checksum. */
public enum TxChecksumAction {
    /** Leave this layer untouched. */
    PASSTHROUGH(0),
    /** Compute this layer's checksum; the packet's layout says where it is. */
    REQUIRED(2);

    public final int ndisValue;

    TxChecksumAction(int ndisValue) {
        this.ndisValue = ndisValue;
    }
}
