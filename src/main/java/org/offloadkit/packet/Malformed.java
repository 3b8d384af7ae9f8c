package org.offloadkit.packet;

/**
 * A frame the parser could not lay out.
 *
 * @param reason what is wrong
 * @param offset where in the frame the parser found it
 * @param detail the values involved, for a person to read
 */
public record Malformed(Malformation reason, int offset, String detail) implements ParseResult {
    @Override
    public String toString() {
        return reason.description + " at offset " + offset + " (" + detail + ")";
    }
}
