package org.offloadkit.cli;

/** The run cannot start as asked: a usage or set-up error (exit status 2), with what to do about it. */
final class SetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SetupException(String message) {
        super(message);
    }
}
