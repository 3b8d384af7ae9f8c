package org.offloadkit.fuzz;

/** What every fuzz target asks of a rejection: a message a person can act on, not an exception's missing one. */
final class BadInput {
    private BadInput() {}

    static void requireClear(String message) {
        if (message == null || message.isBlank() || message.endsWith(": null")) {
            throw new AssertionError("an unclear error for bad input: " + message);
        }
    }
}
