package org.offloadkit.framework;

/** BUGCODE_NETADAPTER_DRIVER failure codes (parameter 1 of bug check 0x19E) the verifier raises. */
public enum FailureCode {
    IRQL_IS_NOT_PASSIVE(1),
    ADAPTER_ALREADY_STARTED(3),
    INVALID_STRUCT_TYPE_SIZE(8),
    INVALID_GSO_CAPABILITIES(42),
    INVALID_TX_CHECKSUM_CAPABILITIES(91),
    INVALID_TX_CHECKSUM_IPV6_FLAGS(92),
    DEPRECATED_FUNCTION(93),
    INVALID_TX_CHECKSUM_HARDWARE_CAPABILITIES(94),
    INVALID_TX_CHECKSUM_LAYER4_CAPABILITIES(95),
    ADAPTER_NOT_STARTED(96),
    OFFLOAD_NOT_PAUSED(97),
    INVALID_GSO_HARDWARE_CAPABILITIES(98);

    public final int code;

    FailureCode(int code) {
        this.code = code;
    }
}
