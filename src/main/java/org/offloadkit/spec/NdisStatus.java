package org.offloadkit.spec;

/** The answers an OID request can get here. */
public enum NdisStatus {
    SUCCESS, INVALID_PARAMETER, NOT_SUPPORTED
}
