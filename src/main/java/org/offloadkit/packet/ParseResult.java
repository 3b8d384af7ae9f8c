package org.offloadkit.packet;

/** What one parse of a frame gives: its layout, or the reason it has none. Never an exception. */
public sealed interface ParseResult permits FrameLayout, Malformed {

    /** The layout, or an {@link IllegalStateException} naming the malformation. */
    default FrameLayout layout() {
        if (this instanceof FrameLayout layout) {
            return layout;
        }
        throw new IllegalStateException("malformed frame: " + this);
    }

    default boolean isMalformed() {
        return this instanceof Malformed;
    }
}
