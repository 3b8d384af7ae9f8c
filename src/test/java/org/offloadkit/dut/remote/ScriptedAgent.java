package org.offloadkit.dut.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An agent written in the test, listening on a TCP port, whose every reply the test scripts: the protocol's
 * other side, able to say exactly the wrong thing. By default it is a well-behaved agent that advertises Tx
 * and Rx checksum, sends frames as they come and indicates them unchecked.
 */
final class ScriptedAgent implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** What to write back for a request of session {@code session} (0 = the first); no lines = never answer. */
    @FunctionalInterface
    interface Script {
        List<String> answer(int session, JsonNode request);
    }

    /** A line that, when scripted, makes the agent close the connection instead of writing. */
    static final String CLOSE = "\u0000close";

    static final String ADVERTISEMENT = "\"txChecksum\":{\"layer3Flags\":15,\"layer4Flags\":7,\"layer3HeaderOffsetLimit\":0,"
            + "\"layer4HeaderOffsetLimit\":0},\"rxChecksum\":{}";

    private final ServerSocket server;
    private final Script script;
    /** The requests each session received, in order. */
    final List<List<JsonNode>> sessions = new CopyOnWriteArrayList<>();

    ScriptedAgent(Script script) throws IOException {
        this.server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread accept = new Thread(this::accept, "scripted-agent");
        accept.setDaemon(true);
        accept.start();
    }

    AgentEndpoint.Tcp endpoint() {
        return new AgentEndpoint.Tcp("127.0.0.1", server.getLocalPort());
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                int session = sessions.size();
                List<JsonNode> received = new CopyOnWriteArrayList<>();
                sessions.add(received);
                Thread serve = new Thread(() -> serve(socket, session, received), "scripted-agent-" + session);
                serve.setDaemon(true);
                serve.start();
            }
        } catch (IOException e) {
            // closed by the test
        }
    }

    private void serve(Socket socket, int session, List<JsonNode> received) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode request = JSON.readTree(line);
                received.add(request);
                for (String reply : script.answer(session, request)) {
                    if (CLOSE.equals(reply)) {
                        return;
                    }
                    out.write(reply.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the kit ended the session
        }
    }

    /** The reply a correct agent gives. */
    static List<String> standard(JsonNode request) {
        String type = request.get("type").asText();
        String head = "{\"type\":\"" + type + "\",\"id\":" + request.get("id").asLong();
        String body = switch (type) {
            case "hello" -> ",\"version\":1";
            case "initialize" -> "," + ADVERTISEMENT;
            case "transmit" -> ",\"result\":{\"success\":true,\"frames\":[\"" + request.get("packet").get("frame").asText() + "\"]}";
            case "receive" -> {
                List<String> indications = new ArrayList<>();
                for (JsonNode frame : request.get("batch").get("frames")) {
                    indications.add("{\"frame\":\"" + frame.asText() + "\",\"layout\":{\"layer2Type\":2,\"layer2Length\":14,"
                            + "\"layer3Type\":3,\"layer3Length\":20,\"layer4Type\":1,\"layer4Length\":20},"
                            + "\"checksum\":{\"layer3\":0,\"layer4\":0}}");
                }
                yield ",\"indications\":[" + String.join(",", indications) + "]";
            }
            case "transmitCounters" -> ",\"counters\":null";
            default -> "";
        };
        return List.of(head + body + "}\n");
    }

    /** A correct agent's reply with {@code replace} put in place of {@code find}. */
    static List<String> standardWith(JsonNode request, String find, String replace) {
        String reply = standard(request).get(0);
        if (!reply.contains(find)) {
            throw new IllegalArgumentException(find + " is not in " + reply);
        }
        return List.of(reply.replace(find, replace));
    }

    static boolean is(JsonNode request, String type) {
        return type.equals(request.get("type").asText());
    }

    static ObjectNode object(String json) throws IOException {
        return (ObjectNode) JSON.readTree(json);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
