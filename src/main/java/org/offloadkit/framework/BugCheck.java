package org.offloadkit.framework;

/**
 * Bug check 0x19E BUGCODE_NETADAPTER_DRIVER as NetAdapterCx's always-on verifier raises it.
 *
 * @param failure   parameter 1
 * @param parameter2 code-specific
 * @param parameter3 code-specific
 * @param what      the call that raised it, for a person to read
 */
public record BugCheck(FailureCode failure, long parameter2, long parameter3, String what) {

    public static final int CODE = 0x19E;

    @Override
    public String toString() {
        return String.format("bug check 0x%X BUGCODE_NETADAPTER_DRIVER (%d %s, P2=%d, P3=%d, P4=0): %s",
                CODE, failure.code, failure, parameter2, parameter3, what);
    }
}
