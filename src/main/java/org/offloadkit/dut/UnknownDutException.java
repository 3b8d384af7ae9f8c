package org.offloadkit.dut;

/** The adapter named cannot be found or made: a set-up error, not a test result. */
public final class UnknownDutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownDutException(String message) {
        super(message);
    }
}
