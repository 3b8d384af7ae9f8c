package org.offloadkit.fuzz;

import java.nio.charset.StandardCharsets;

import org.offloadkit.dut.remote.ReplyDecoding;

/**
 * Any line an out-of-process agent may send back (docs/protocol.md): decoded, or refused with a protocol error
 * that says what is wrong, never another exception.
 */
public final class ProtocolReplyFuzz {
    private ProtocolReplyFuzz() {}

    public static void fuzzerTestOneInput(byte[] line) {
        ReplyDecoding.decodeEveryWay(new String(line, StandardCharsets.UTF_8)).forEach(BadInput::requireClear);
    }
}
