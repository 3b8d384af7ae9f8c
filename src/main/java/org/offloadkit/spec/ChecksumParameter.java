package org.offloadkit.spec;

/** The value of an NDIS_OFFLOAD_PARAMETERS checksum field. */
public enum ChecksumParameter {
    NO_CHANGE(0, false, false),
    TX_RX_DISABLED(1, false, false),
    TX_ENABLED_RX_DISABLED(2, true, false),
    RX_ENABLED_TX_DISABLED(3, false, true),
    TX_RX_ENABLED(4, true, true);

    public final int ndisValue;
    public final boolean tx;
    public final boolean rx;

    ChecksumParameter(int ndisValue, boolean tx, boolean rx) {
        this.ndisValue = ndisValue;
        this.tx = tx;
        this.rx = rx;
    }

    /** The field value of that number; empty for a number no value has (an OR of two values may be one). */
    public static java.util.Optional<ChecksumParameter> ofNdisValue(int value) {
        return java.util.Arrays.stream(values()).filter(p -> p.ndisValue == value).findFirst();
    }

    /** The field value that sets Tx and Rx as given. */
    public static ChecksumParameter of(boolean tx, boolean rx) {
        if (tx) {
            return rx ? TX_RX_ENABLED : TX_ENABLED_RX_DISABLED;
        }
        return rx ? RX_ENABLED_TX_DISABLED : TX_RX_DISABLED;
    }
}
