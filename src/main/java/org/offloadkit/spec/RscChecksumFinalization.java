package org.offloadkit.spec;

/**
 * What an adapter does with the checksums of a coalesced unit (spec 3.2, RSC-13): recompute them, or leave
 * them and say so with TcpChecksumValueInvalid + IpChecksumValueInvalid ({@link RxChecksum#valuesInvalid()}),
 * the fields then free (the reference zeroes them, as the documentation allows). Either way the unit is
 * indicated with IpChecksumSucceeded and TcpChecksumSucceeded.
 */
public enum RscChecksumFinalization {
    RECOMPUTE,
    VALUE_INVALID
}
