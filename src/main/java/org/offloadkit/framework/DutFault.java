package org.offloadkit.framework;

/**
 * The device under test did not behave as a driver must, independently of any offload rule: it threw,
 * did not answer in time, answered twice, or broke a verifier rule. Tests report it as a DUT fault,
 * apart from conformance failures.
 */
public final class DutFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String PREFIX = "DUT fault: ";

    public DutFault(String message) {
        super(PREFIX + message);
    }

    public DutFault(String message, Throwable cause) {
        super(PREFIX + message, cause);
    }
}
