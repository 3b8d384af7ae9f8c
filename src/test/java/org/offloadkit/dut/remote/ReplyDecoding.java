package org.offloadkit.dut.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An agent's reply line read every way the kit reads one, for the protocol's fuzz target: parsed as the session
 * parses a line, then decoded as each kind of reply.
 */
public final class ReplyDecoding {
    private static final Protocol.Callbacks CALLBACKS = new Protocol.Callbacks(active -> {}, active -> {}, active -> {}, active -> {});
    private static final List<Function<JsonNode, Object>> DECODERS = List.of(
            Protocol::version, reply -> Protocol.advertisement(reply, CALLBACKS), Protocol::txResult, Protocol::indications,
            Protocol::counters);

    private ReplyDecoding() {}

    /** The protocol errors the line gets, one a kind of reply it is not; any other exception is the kit's bug. */
    public static List<String> decodeEveryWay(String line) {
        JsonNode reply;
        try {
            reply = Protocol.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        if (reply == null || !reply.isObject()) {
            return List.of("not a JSON object");
        }
        List<String> errors = new ArrayList<>();
        for (Function<JsonNode, Object> decoder : DECODERS) {
            try {
                decoder.apply(reply);
            } catch (ProtocolException e) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }
}
