package org.offloadkit.dut.remote;

/** A message from the agent that breaks docs/protocol.md: the agent's fault, never the kit's. */
final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProtocolException(String message) {
        super(message);
    }
}
