package org.offloadkit.dut.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One session with an agent: JSON lines both ways (docs/protocol.md, "Framing"). Requests are written in
 * order by one writer thread, so a driver thread never blocks on an agent that stopped reading; replies are
 * read by one reader thread and matched to their request by id, in whatever order they come.
 *
 * <p>The first thing that goes wrong ends the session: the agent closes its end or exits, writes a line
 * that is not a reply of the protocol, or the kit gives up waiting. Every request still waiting then fails
 * with the same {@link AgentFailure}, naming what happened and, for a spawned agent, how it ended.
 */
final class AgentConnection implements AutoCloseable {

    /** The longest line the kit reads: a batch of 64 frames of 256 KiB in base64, with room for the rest. */
    static final int MAX_LINE = 32 * 1024 * 1024;

    /** Why a request got no reply, or the agent's own error reply. */
    static final class AgentFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AgentFailure(String message) {
            super(message);
        }
    }

    private record Request(String type, CompletableFuture<JsonNode> reply, long sentAt) {}

    private final String peer;
    private final InputStream in;
    private final OutputStream out;
    private final Runnable release;
    private final Supplier<String> aftermath;
    private final ExecutorService writer;
    private final Map<Long, Request> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReference<String> ended = new AtomicReference<>();

    /**
     * @param peer      how messages name the agent, such as {@code exec:python3 agent.py}
     * @param release   frees what the session holds (kills the process, closes the socket); called once
     * @param aftermath how the agent ended, for the failure messages (exit status, its last stderr lines)
     */
    AgentConnection(String peer, InputStream in, OutputStream out, Runnable release, Supplier<String> aftermath) {
        this.peer = peer;
        this.in = in;
        this.out = out;
        this.release = release;
        this.aftermath = aftermath;
        this.writer = Executors.newSingleThreadExecutor(daemon("offloadkit-agent-writer"));
        Thread reader = daemon("offloadkit-agent-reader").newThread(this::read);
        reader.start();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    boolean isOpen() {
        return ended.get() == null;
    }

    /** A request still unanswered after {@code timeout}, if there is one: the agent is hung. */
    Optional<String> overdue(Duration timeout) {
        long now = System.nanoTime();
        return waiting.values().stream().filter(r -> now - r.sentAt() > timeout.toNanos()).map(Request::type).findFirst();
    }

    /** Why the session ended, or null while it is open. */
    String endReason() {
        return ended.get();
    }

    /**
     * Sends a request; the future completes with the reply's body, or fails with an {@link AgentFailure}
     * when the agent answers with an error or the session ends first.
     */
    CompletableFuture<JsonNode> call(String type, ObjectNode body) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        String reason = ended.get();
        if (reason != null) {
            reply.completeExceptionally(new AgentFailure(reason));
            return reply;
        }
        waiting.put(id, new Request(type, reply, System.nanoTime()));
        ObjectNode message = Protocol.JSON.createObjectNode();
        message.put("type", type);
        message.put("id", id);
        message.setAll(body);
        byte[] line;
        try {
            line = (Protocol.JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a " + type + " request", e);
        }
        try {
            writer.execute(() -> {
                try {
                    out.write(line);
                    out.flush();
                } catch (IOException e) {
                    end("the kit cannot write to " + peer + " (" + e.getMessage() + ")");
                }
            });
        } catch (RejectedExecutionException e) {
            // the session ended between the check above and now: the request fails with its reason below
        }
        if (!isOpen()) {
            fail(id, ended.get());
        }
        return reply;
    }

    /** Ends the session (if it is not over yet) for this reason; every waiting request fails with it. */
    void end(String reason) {
        if (!ended.compareAndSet(null, reason)) {
            return;
        }
        release.run();
        writer.shutdownNow();
        String full = reason + aftermath.get();
        ended.set(full);
        for (Long id : waiting.keySet()) {
            fail(id, full);
        }
    }

    /** Ends the session without answering what is waiting: the kit is going away, and so are its calls. */
    void abandon() {
        ended.compareAndSet(null, "the kit stopped");
    }

    private void fail(long id, String reason) {
        Request request = waiting.remove(id);
        if (request != null) {
            request.reply().completeExceptionally(new AgentFailure(reason));
        }
    }

    private void read() {
        try {
            LineReader lines = new LineReader(in);
            while (isOpen()) {
                String line = lines.next();
                if (line == null) {
                    end(peer + " closed its end of the session");
                    return;
                }
                if (!line.isBlank()) {
                    dispatch(line);
                }
            }
        } catch (ProtocolException e) {
            end(peer + " broke the protocol: " + e.getMessage());
        } catch (IOException e) {
            end("the session with " + peer + " broke (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            end("the kit could not read " + peer + "'s message (" + e + ")");
        }
    }

    private void dispatch(String line) {
        JsonNode message;
        try {
            message = Protocol.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("a line that is not JSON: " + excerpt(line));
        }
        if (message == null || !message.isObject()) {
            throw new ProtocolException("a line that is not a JSON object: " + excerpt(line));
        }
        JsonNode idNode = message.get("id");
        if (idNode == null || !idNode.canConvertToLong() || !idNode.isIntegralNumber()) {
            throw new ProtocolException("a message without an integer 'id': " + excerpt(line));
        }
        long id = idNode.asLong();
        Request request = waiting.get(id);
        if (request == null) {
            throw new ProtocolException("a reply to id " + id + ", which no request is waiting for (answered twice, or never asked): "
                    + excerpt(line));
        }
        JsonNode typeNode = message.get("type");
        String type = typeNode == null || !typeNode.isTextual() ? null : typeNode.asText();
        if ("error".equals(type)) {
            waiting.remove(id);
            JsonNode why = message.get("message");
            request.reply().completeExceptionally(new AgentFailure(peer + " answered the " + request.type() + " request with an error: "
                    + (why != null && why.isTextual() ? why.asText() : excerpt(line))));
            return;
        }
        if (!request.type().equals(type)) {
            throw new ProtocolException("the reply to " + request.type() + " request " + id + " has type "
                    + (type == null ? "(none)" : "'" + type + "'") + ": " + excerpt(line));
        }
        waiting.remove(id);
        request.reply().complete(message);
    }

    static String excerpt(String line) {
        String flat = line.replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "… (" + line.length() + " characters)";
    }

    @Override
    public void close() {
        end("the kit closed the session");
    }

    /** Newline-terminated UTF-8 lines, each at most {@link #MAX_LINE} bytes. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line without its terminator; null at the end of the stream between lines. */
        String next() throws IOException {
            ByteArrayOutputStream line = null;
            while (true) {
                for (int i = start; i < end; i++) {
                    if (buffer[i] == '\n') {
                        String text;
                        if (line == null) {
                            text = new String(buffer, start, i - start, StandardCharsets.UTF_8);
                        } else {
                            line.write(buffer, start, i - start);
                            text = line.toString(StandardCharsets.UTF_8);
                        }
                        start = i + 1;
                        return text;
                    }
                }
                if (end > start) {
                    if (line == null) {
                        line = new ByteArrayOutputStream(2 * (end - start));
                    }
                    line.write(buffer, start, end - start);
                    if (line.size() > MAX_LINE) {
                        throw new ProtocolException("a line of over " + MAX_LINE + " bytes");
                    }
                }
                start = 0;
                end = in.read(buffer);
                if (end < 0) {
                    end = 0;
                    if (line != null && line.size() > 0) {
                        throw new ProtocolException("the stream ended inside a line: "
                                + excerpt(line.toString(StandardCharsets.UTF_8)));
                    }
                    return null;
                }
            }
        }
    }
}
