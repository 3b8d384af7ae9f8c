package org.offloadkit.fuzz;

/** What every fuzz target asks of a rejection: a message, where an exception may have none. */
final class BadInput {
    private BadInput() {}

    static void requireClear(String message) {
        if (message == null || message.isBlank()) {
            throw new AssertionError("an unclear error for bad input: " + message);
        }
    }
}
