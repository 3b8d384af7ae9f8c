package org.offloadkit.framework.keywords;

/**
 * Something a keyword source says that a person should know, with where it says it.
 *
 * @param file     the file, as named to the kit
 * @param line     1-based line, 0 when the finding is about the file as a whole
 * @param keyword  the keyword concerned, or null
 */
public record Finding(String file, int line, Severity severity, String keyword, String message) {

    public enum Severity {
        /** The file cannot be read as written: NetAdapterCx would not see what the author meant. */
        ERROR,
        /** Readable, but not what the standardized keyword table says. */
        DEVIATION,
        /** Worth knowing: a consequence, or a point the documents leave open. */
        NOTE
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + severity.name().toLowerCase() + ": "
                + (keyword == null ? "" : keyword + ": ") + message;
    }
}
