package org.offloadkit.dut.remote;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.dut.remote.AgentConnection.AgentFailure;
import org.offloadkit.framework.DutFault;
import org.offloadkit.framework.NetAdapter;
import org.offloadkit.spec.Datapath;
import org.offloadkit.spec.Reply;
import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxCounters;
import org.offloadkit.spec.TxPacket;
import org.offloadkit.spec.TxResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An adapter in another process or on another machine, driven through the out-of-process protocol
 * (docs/protocol.md). Every driver call becomes a request; its reply becomes the answer.
 *
 * <p>An agent that breaks costs the call it broke on, not the run: when it exits, closes the connection,
 * writes something that is not the protocol, or does not answer within the run's timeout, the calls it owes
 * fail as DUT faults saying so, and the next call starts a new session (a new process for {@code exec:}, a
 * new connection for {@code tcp:}). The new session must advertise what the first did; it is then given the
 * active sets the adapter was last called back with, so it carries on where the old one stopped. After
 * {@value #ATTEMPTS} sessions in a row that fail to start, the kit stops trying and every later call faults
 * at once.
 */
public final class RemoteAdapter implements DeviceUnderTest, Datapath {
    static final int ATTEMPTS = 3;

    private final AgentEndpoint endpoint;
    private final Duration timeout;
    /** The active sets last delivered, by request type, replayed to a restarted agent. */
    private final Map<String, ObjectNode> activeSets = new LinkedHashMap<>();
    private volatile AgentConnection session;
    private JsonNode firstAdvertisement;
    private String lastEnd;
    private int failedStarts;
    private int restarts;
    private AgentConnection countedOn;
    private TxCounters lastCounted = TxCounters.ZERO;
    private TxCounters carried = TxCounters.ZERO;

    RemoteAdapter(AgentEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** How many times the agent has been started again after a session ended. */
    public synchronized int restarts() {
        return restarts;
    }

    @Override
    public void initialize(NetAdapter adapter) {
        JsonNode advertisement = start();
        firstAdvertisement = advertisement.deepCopy();
        Protocol.Advertised ad = decode("initialize", advertisement, reply -> Protocol.advertisement(reply, new Protocol.Callbacks(
                active -> callback("setTxChecksum", Protocol.active(active)),
                active -> callback("setRxChecksum", Protocol.active(active)),
                active -> callback("setGso", Protocol.active(active)),
                active -> callback("setRsc", Protocol.active(active)))));
        if (ad.tx() != null) {
            adapter.setTxChecksumCapabilities(ad.tx());
        }
        if (ad.rx() != null) {
            adapter.setRxChecksumCapabilities(ad.rx());
        }
        if (ad.gso() != null) {
            adapter.setGsoCapabilities(ad.gso());
        }
        if (ad.rsc() != null) {
            adapter.setRscCapabilities(ad.rsc());
        }
        adapter.setDatapath(this);
    }

    @Override
    public void transmit(TxPacket packet, Reply<TxResult> completion) {
        answer(live(), "transmit", Protocol.transmit(packet), Protocol::txResult, completion, "transmit #" + packet.sequence());
    }

    @Override
    public void receive(RxBatch batch, Reply<List<RxIndication>> indications) {
        answer(live(), "receive", Protocol.receive(batch), Protocol::indications, indications, "receive #" + batch.sequence());
    }

    /**
     * A restarted agent counts from 0 again, so what the earlier sessions had counted when last asked is added
     * on: the counters keep growing across restarts, as one driver's would.
     */
    @Override
    public Optional<TxCounters> transmitCounters() {
        AgentConnection now = live();
        Optional<TxCounters> counted = decode("transmitCounters", await(now, "transmitCounters", Protocol.empty()), Protocol::counters);
        synchronized (this) {
            if (now != countedOn) {
                carried = carried.plus(lastCounted);
                lastCounted = TxCounters.ZERO;
                countedOn = now;
            }
            counted.ifPresent(c -> lastCounted = c);
            return counted.map(c -> c.plus(carried));
        }
    }

    /** An active set for the agent: delivered before the callback returns, and kept for a restarted agent. */
    private void callback(String type, ObjectNode active) {
        AgentConnection now = live();
        synchronized (this) {
            activeSets.put(type, active);
        }
        await(now, type, active);
    }

    /** The datapath's answer comes when the reply does, from the reader thread; a broken reply fails it. */
    private <T> void answer(AgentConnection on, String type, ObjectNode body, Function<JsonNode, T> decoder, Reply<T> reply,
                            String what) {
        on.call(type, body).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((message, error) -> {
            if (error != null) {
                reply.fail(failure(what, error));
                endIfHung(on, what, error);
                return;
            }
            T answer;
            try {
                answer = decoder.apply(message);
            } catch (ProtocolException e) {
                String reason = endpoint.name() + " broke the protocol in its reply to " + what + ": " + e.getMessage();
                on.end(reason);
                reply.fail(reason);
                return;
            }
            reply.send(answer);
        });
    }

    /** A reply awaited on the calling thread; anything wrong is a {@link DutFault}. */
    private JsonNode await(AgentConnection on, String type, ObjectNode body) {
        CompletableFuture<JsonNode> reply = on.call(type, body);
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            Throwable error = e instanceof ExecutionException ? e.getCause() : e;
            endIfHung(on, type, error);
            throw new DutFault(failure(type, error));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DutFault(type + " interrupted");
        }
    }

    private <T> T decode(String what, JsonNode reply, Function<JsonNode, T> decoder) {
        try {
            return decoder.apply(reply);
        } catch (ProtocolException e) {
            String reason = endpoint.name() + " broke the protocol in its reply to " + what + ": " + e.getMessage();
            AgentConnection now = session;
            if (now != null) {
                now.end(reason);
            }
            throw new DutFault(reason);
        }
    }

    /** What to say about a call that got no answer. */
    private String failure(String what, Throwable error) {
        if (error instanceof TimeoutException) {
            return hung(what);
        }
        if (error instanceof AgentFailure) {
            return error.getMessage();
        }
        return endpoint.name() + ": " + error;
    }

    private String hung(String what) {
        return endpoint.name() + " did not answer " + what + " within " + timeout.toMillis()
                + " ms: taken as hung, it is restarted for the next call";
    }

    /** A call that timed out ends the session, as a hung agent's: the next call starts a new one. */
    private void endIfHung(AgentConnection on, String what, Throwable error) {
        if (error instanceof TimeoutException) {
            on.end(hung(what));
        }
    }

    /** The session to call on, starting a new one when the last has ended. */
    private synchronized AgentConnection live() {
        AgentConnection now = session;
        if (now != null && now.isOpen()) {
            Optional<String> overdue = now.overdue(timeout);
            if (overdue.isEmpty()) {
                return now;
            }
            // The framework's wait for a call may run out just before the call's own timeout does: the next call
            // must not queue behind the hung one, so it ends the session here.
            now.end(hung(overdue.get()));
        }
        if (now != null && lastEnd == null) {
            lastEnd = now.endReason();
        }
        if (failedStarts >= ATTEMPTS) {
            throw new DutFault(endpoint.name() + " could not be started again after " + ATTEMPTS + " attempts; the kit stopped trying. "
                    + "The session had ended: " + lastEnd);
        }
        JsonNode advertisement = start();
        if (!advertisement.equals(firstAdvertisement)) {
            String reason = "after a restart " + endpoint.name() + " advertised " + AgentConnection.excerpt(advertisement.toString())
                    + ", not what it advertised first: " + AgentConnection.excerpt(firstAdvertisement.toString());
            failedStarts = ATTEMPTS;
            session.end(reason);
            throw new DutFault(reason);
        }
        for (Map.Entry<String, ObjectNode> set : activeSets.entrySet()) {
            await(session, set.getKey(), set.getValue());
        }
        restarts++;
        System.err.println("offloadkit: " + endpoint.name() + " started again (" + restarts + " restarts); the session before ended: "
                + lastEnd);
        lastEnd = null;
        return session;
    }

    /** A new session: hello, then initialize; returns the advertisement. */
    private synchronized JsonNode start() {
        AgentConnection opened;
        try {
            opened = endpoint.open(timeout);
        } catch (IOException | RuntimeException e) {
            failedStarts++;
            throw new DutFault("cannot start a session with " + endpoint.name() + ": " + e.getMessage());
        }
        session = opened;
        try {
            decode("hello", await(opened, "hello", Protocol.hello(kitName())), Protocol::version);
            JsonNode advertisement = await(opened, "initialize", Protocol.empty());
            failedStarts = 0;
            return ((ObjectNode) advertisement.deepCopy()).without(List.of("type", "id"));
        } catch (DutFault fault) {
            failedStarts++;
            opened.end(fault.getMessage());
            throw fault;
        }
    }

    private static String kitName() {
        String version = RemoteAdapter.class.getPackage().getImplementationVersion();
        return "OffloadKit " + (version == null ? "development" : version);
    }

    @Override
    public void close() {
        AgentConnection now = session;
        if (now == null || !now.isOpen()) {
            return;
        }
        try {
            now.call("shutdown", Protocol.empty()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // it is going away either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            now.end("the run is over");
        }
    }
}
