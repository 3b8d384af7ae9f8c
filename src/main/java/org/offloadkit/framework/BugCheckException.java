package org.offloadkit.framework;

/**
 * Thrown into the driver's call that broke a verifier rule. On Windows the machine would stop here; in
 * the kit the adapter stops and its run fails with the bug check in the report.
 */
public final class BugCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient BugCheck bugCheck;

    public BugCheckException(BugCheck bugCheck) {
        super(bugCheck.toString());
        this.bugCheck = bugCheck;
    }

    public BugCheck bugCheck() {
        return bugCheck;
    }
}
