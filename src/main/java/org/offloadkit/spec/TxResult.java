package org.offloadkit.spec;

import java.util.List;

/**
 * How a driver completes a transmit: the frames it put on the wire, in order, and whether the packet
 * as a whole succeeded.
 */
public record TxResult(boolean success, List<byte[]> frames, String failure) {

    public TxResult {
        frames = List.copyOf(frames);
    }

    public static TxResult sent(List<byte[]> frames) {
        return new TxResult(true, frames, null);
    }

    public static TxResult sent(byte[] frame) {
        return sent(List.of(frame));
    }

    /** The packet failed; {@code sent} holds what reached the wire before it did. */
    public static TxResult failed(String reason, List<byte[]> sent) {
        return new TxResult(false, sent, reason);
    }

    @Override
    public String toString() {
        return (success ? "sent " : "failed (" + failure + ") after ") + frames.size() + " frame(s)";
    }
}
