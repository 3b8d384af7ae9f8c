package org.offloadkit.dut.remote;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.DutFault;
import org.offloadkit.framework.Keywords;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Layer3Type;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxCounters;
import org.offloadkit.spec.TxResult;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The kit's side of docs/protocol.md against an agent that says exactly what the test scripts: what a correct
 * agent says arrives as the framework's answers; every way of breaking the protocol is a DUT fault naming what
 * broke, never an exception out of the kit, and the next call runs on a new session.
 */
public class RemoteProtocolTest {
    private static final Duration TIMEOUT = Duration.ofMillis(2000);
    private static final byte[] FRAME = FrameBuilder.ethernet(new byte[6], new byte[] {2, 0, 0, 0, 0, 1})
            .ipv4(new byte[] {10, 0, 0, 1}, new byte[] {10, 0, 0, 2}).tcp(1000, 80).payload(new byte[10]).build();
    private static final FrameLayout LAYOUT = FrameParser.parse(FRAME).layout();

    private ScriptedAgent agent;
    private AdapterHost host;
    private RemoteAdapter adapter;

    @AfterMethod(alwaysRun = true)
    public void stop() throws IOException {
        if (adapter != null) {
            adapter.close();
        }
        if (host != null) {
            host.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    private void start(ScriptedAgent.Script script) throws IOException {
        agent = new ScriptedAgent(script);
        adapter = new RemoteAdapter(agent.endpoint(), TIMEOUT);
        host = new AdapterHost("agent", Keywords.standardDefaults(), TIMEOUT);
        host.initialize(adapter::initialize);
        host.start();
    }

    private TxResult transmit() {
        return host.transmit(FRAME, LAYOUT, TxChecksum.PASSTHROUGH).result().await();
    }

    /** The fault a transmit gets when the agent answers it with {@code replace} in place of {@code find}. */
    private DutFault transmitFault(String find, String replace) throws IOException {
        start((session, request) -> session == 0 && ScriptedAgent.is(request, "transmit")
                ? ScriptedAgent.standardWith(request, find, replace) : ScriptedAgent.standard(request));
        return expectThrows(DutFault.class, this::transmit);
    }

    private static void assertMessage(Throwable fault, String... parts) {
        for (String part : parts) {
            assertTrue(fault.getMessage().contains(part), "'" + part + "' in: " + fault.getMessage());
        }
        assertTrue(fault.getMessage().startsWith(DutFault.PREFIX), fault.getMessage());
    }

    // ---------------------------------------------------------------- a correct agent

    @Test
    public void aCorrectAgentsAnswersAreTheFrameworksAnswers() throws IOException {
        start((session, request) -> ScriptedAgent.standard(request));
        assertEquals(host.advertisement().txChecksum().shapes().layer3Flags(), Layer3Flag.ALL);
        assertTrue(host.advertisement().rxChecksum() != null);
        TxResult sent = transmit();
        assertTrue(sent.success());
        assertTrue(Arrays.equals(sent.frames().get(0), FRAME));
        List<RxIndication> indications = host.receive(List.of(FRAME, FRAME)).indications().await();
        assertEquals(indications.size(), 2);
        assertEquals(indications.get(0).layout().layer3Type(), Layer3Type.IPV4_NO_OPTIONS);
        assertEquals(indications.get(0).layout().ipEnd(), LAYOUT.ipEnd(), "what NET_PACKET_LAYOUT does not hold is read from the frame");
        assertEquals(indications.get(0).checksum().layer4(), RxChecksumEvaluation.NOT_CHECKED);
        assertEquals(host.transmitCounters(), Optional.empty());
    }

    @Test
    public void theSessionRunsHelloInitializeThenTheStartCallbacksBeforeTraffic() throws IOException {
        start((session, request) -> ScriptedAgent.standard(request));
        transmit();
        List<String> types = agent.sessions.get(0).stream().map(r -> r.get("type").asText()).toList();
        assertEquals(types, List.of("hello", "initialize", "setTxChecksum", "setRxChecksum", "transmit"));
        JsonNode hello = agent.sessions.get(0).get(0);
        assertEquals(hello.get("versions").toString(), "[1]");
        JsonNode tx = agent.sessions.get(0).get(2).get("active");
        assertEquals(tx.get("ipv4Header").get("layer3Flags").asInt(), 0x3, "the IPv4 header set holds the IPv4 flags only");
        JsonNode packet = agent.sessions.get(0).get(4).get("packet");
        assertEquals(packet.get("layout").get("layer3Type").asInt(), 3);
        assertEquals(packet.get("checksum").get("layer4").asInt(), 0);
        assertEquals(packet.get("gso").get("kind").asText(), "none");
    }

    // ---------------------------------------------------------------- malformed messages

    @Test
    public void aLineThatIsNotJsonIsAFaultNotACrash() throws IOException {
        DutFault fault = transmitFault("{\"type\"", "{this is not json");
        assertMessage(fault, "broke the protocol", "not JSON", "this is not json");
    }

    @Test
    public void aMissingFieldIsAFaultNamingIt() throws IOException {
        assertMessage(transmitFault("\"frames\":", "\"framez\":"), "broke the protocol in its reply to transmit", "'frames' is missing");
    }

    @Test
    public void base64ThatDoesNotDecodeIsAFault() throws IOException {
        assertMessage(transmitFault("\"frames\":[\"", "\"frames\":[\"**"), "result.frames[0] is not base64");
    }

    @Test
    public void aReplyOfAnotherTypeIsAFault() throws IOException {
        assertMessage(transmitFault("\"type\":\"transmit\"", "\"type\":\"receive\""), "has type 'receive'");
    }

    @Test
    public void aReplyToAnIdNobodyAskedIsAFault() throws IOException {
        start((session, request) -> session == 0 && ScriptedAgent.is(request, "transmit")
                ? List.of("{\"type\":\"transmit\",\"id\":999,\"result\":{\"success\":true,\"frames\":[]}}\n")
                : ScriptedAgent.standard(request));
        assertMessage(expectThrows(DutFault.class, this::transmit), "id 999", "answered twice, or never asked");
    }

    @Test
    public void aLayoutTypeThatNamesNothingIsAFault() throws IOException {
        start((session, request) -> session == 0 && ScriptedAgent.is(request, "receive")
                ? ScriptedAgent.standardWith(request, "\"layer3Type\":3", "\"layer3Type\":9") : ScriptedAgent.standard(request));
        DutFault fault = expectThrows(DutFault.class, () -> host.receive(List.of(FRAME)).indications().await());
        assertMessage(fault, "indications[0].layout.layer3Type is 9");
    }

    @Test
    public void aLayoutLengthBeyondItsBitFieldIsAFault() throws IOException {
        start((session, request) -> session == 0 && ScriptedAgent.is(request, "receive")
                ? ScriptedAgent.standardWith(request, "\"layer2Length\":14", "\"layer2Length\":128") : ScriptedAgent.standard(request));
        assertMessage(expectThrows(DutFault.class, () -> host.receive(List.of(FRAME)).indications().await()),
                "'layer2Length' is 128, outside 0..127");
    }

    @Test
    public void flagBitsThatNameNothingFailTheStart() throws IOException {
        agent = new ScriptedAgent((session, request) -> ScriptedAgent.is(request, "initialize")
                ? ScriptedAgent.standardWith(request, "\"layer3Flags\":15", "\"layer3Flags\":31") : ScriptedAgent.standard(request));
        adapter = new RemoteAdapter(agent.endpoint(), TIMEOUT);
        host = new AdapterHost("agent", Keywords.standardDefaults(), TIMEOUT);
        DutFault fault = expectThrows(DutFault.class, () -> host.initialize(adapter::initialize));
        assertMessage(fault, "txChecksum.layer3Flags has bits 0x10 that name no flag");
    }

    @Test
    public void aVersionTheKitDidNotOfferFailsTheStart() throws IOException {
        agent = new ScriptedAgent((session, request) -> ScriptedAgent.is(request, "hello")
                ? ScriptedAgent.standardWith(request, "\"version\":1", "\"version\":2") : ScriptedAgent.standard(request));
        adapter = new RemoteAdapter(agent.endpoint(), TIMEOUT);
        host = new AdapterHost("agent", Keywords.standardDefaults(), TIMEOUT);
        assertMessage(expectThrows(DutFault.class, () -> host.initialize(adapter::initialize)), "version 2", "did not offer [1]");
    }

    // ---------------------------------------------------------------- errors, exits, hangs, restarts

    @Test
    public void anErrorReplyIsAFaultQuotingItAndTheSessionGoesOn() throws IOException {
        start((session, request) -> ScriptedAgent.is(request, "transmit") && request.get("packet").get("sequence").asLong() == 1
                ? List.of("{\"type\":\"error\",\"id\":" + request.get("id") + ",\"message\":\"descriptor ring full\"}\n")
                : ScriptedAgent.standard(request));
        assertMessage(expectThrows(DutFault.class, this::transmit), "descriptor ring full");
        assertTrue(transmit().success());
        assertEquals(agent.sessions.size(), 1, "an error reply does not end the session");
    }

    @Test
    public void anAgentThatDisconnectsFailsTheCallAndTheNextRunsOnANewSessionWithTheActiveSets() throws IOException {
        start((session, request) -> session == 0 && ScriptedAgent.is(request, "transmit")
                ? List.of(ScriptedAgent.CLOSE) : ScriptedAgent.standard(request));
        assertMessage(expectThrows(DutFault.class, this::transmit), "closed its end of the session");
        assertTrue(transmit().success(), "the next call reconnects");
        assertEquals(adapter.restarts(), 1);
        List<String> second = agent.sessions.get(1).stream().map(r -> r.get("type").asText()).toList();
        assertEquals(second, List.of("hello", "initialize", "setTxChecksum", "setRxChecksum", "transmit"),
                "the new session is given the active sets before the call");
        assertEquals(agent.sessions.get(1).get(2).get("active"), agent.sessions.get(0).get(2).get("active"));
    }

    @Test
    public void anAgentThatDoesNotAnswerIsTakenAsHungAndRestarted() throws IOException {
        start((session, request) -> session == 0 && ScriptedAgent.is(request, "transmit")
                ? List.of() : ScriptedAgent.standard(request));
        assertMessage(expectThrows(DutFault.class, this::transmit), "within " + TIMEOUT.toMillis() + " ms");
        assertTrue(transmit().success());
        assertEquals(agent.sessions.size(), 2);
    }

    @Test
    public void transmitCountersKeepGrowingAcrossARestart() throws IOException {
        start((session, request) -> {
            if (ScriptedAgent.is(request, "transmitCounters")) {
                return ScriptedAgent.standardWith(request, "\"counters\":null",
                        session == 0 ? "\"counters\":{\"frames\":5,\"octets\":500}" : "\"counters\":{\"frames\":1,\"octets\":60}");
            }
            return session == 0 && ScriptedAgent.is(request, "transmit") ? List.of(ScriptedAgent.CLOSE) : ScriptedAgent.standard(request);
        });
        assertEquals(host.transmitCounters(), Optional.of(new TxCounters(5, 500)));
        expectThrows(DutFault.class, this::transmit);
        assertEquals(host.transmitCounters(), Optional.of(new TxCounters(6, 560)),
                "the restarted agent's count from 0, on top of what the first session had counted");
    }

    @Test
    public void aRestartedAgentThatAdvertisesSomethingElseIsAFault() throws IOException {
        start((session, request) -> {
            if (session == 0 && ScriptedAgent.is(request, "transmit")) {
                return List.of(ScriptedAgent.CLOSE);
            }
            if (session > 0 && ScriptedAgent.is(request, "initialize")) {
                return ScriptedAgent.standardWith(request, ",\"rxChecksum\":{}", "");
            }
            return ScriptedAgent.standard(request);
        });
        expectThrows(DutFault.class, this::transmit);
        assertMessage(expectThrows(DutFault.class, this::transmit), "after a restart", "not what it advertised first");
        assertMessage(expectThrows(DutFault.class, this::transmit), "the kit stopped trying");
    }

    @Test
    public void anAgentThatCannotBeReachedAgainStopsBeingTriedAfterThreeAttempts() throws IOException {
        start((session, request) -> session == 0 && ScriptedAgent.is(request, "transmit")
                ? List.of(ScriptedAgent.CLOSE) : ScriptedAgent.standard(request));
        agent.close();
        assertMessage(expectThrows(DutFault.class, this::transmit), "closed its end of the session");
        for (int i = 0; i < RemoteAdapter.ATTEMPTS; i++) {
            assertMessage(expectThrows(DutFault.class, this::transmit), "cannot start a session with tcp:127.0.0.1:");
        }
        assertMessage(expectThrows(DutFault.class, this::transmit), "could not be started again after 3 attempts",
                "closed its end of the session");
    }

    @Test
    public void theCommandLineNamesParseAndBadOnesSayHowToWriteThem() {
        assertEquals(new RemoteProviders.Tcp().endpoint("192.0.2.7:7788"), new AgentEndpoint.Tcp("192.0.2.7", 7788));
        assertEquals(new RemoteProviders.Tcp().endpoint("[2001:db8::7]:7788"), new AgentEndpoint.Tcp("2001:db8::7", 7788));
        for (String bad : List.of("", "host", "host:", "host:0", "host:70000", ":80", "host:http")) {
            Exception e = expectThrows(RuntimeException.class, () -> new RemoteProviders.Tcp().endpoint(bad));
            assertTrue(e.getMessage().contains("tcp: needs HOST:PORT"), e.getMessage());
        }
        Exception e = expectThrows(RuntimeException.class, () -> new RemoteProviders.Exec().create(" "));
        assertTrue(e.getMessage().contains("exec: needs the agent's command"), e.getMessage());
    }
}
