package org.offloadkit.dut.remote;

import java.time.Duration;

import org.offloadkit.dut.DeviceUnderTest;
import org.offloadkit.dut.DutProvider;
import org.offloadkit.dut.UnknownDutException;

/** The two ways to an out-of-process adapter: {@code --dut exec:COMMAND} and {@code --dut tcp:HOST:PORT}. */
public final class RemoteProviders {
    private RemoteProviders() {}

    /** An agent answers over a pipe or a network, and may have to start first: it gets longer than an in-process adapter. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** An agent somewhere, reached through the protocol. */
    private abstract static class Remote implements DutProvider {
        /** Where the options say the agent is; a name that says nothing usable is a set-up error. */
        abstract AgentEndpoint endpoint(String options);

        @Override
        public DeviceUnderTest create(String options) {
            return create(options, TIMEOUT);
        }

        @Override
        public DeviceUnderTest create(String options, Duration timeout) {
            return new RemoteAdapter(endpoint(options), timeout);
        }

        @Override
        public Duration timeout() {
            return TIMEOUT;
        }
    }

    /** {@code exec:COMMAND}. */
    public static final class Exec extends Remote {
        @Override
        public String name() {
            return "exec";
        }

        @Override
        public String description() {
            return "exec:COMMAND - an agent the kit runs, speaking docs/protocol.md on its stdin and stdout";
        }

        @Override
        AgentEndpoint endpoint(String options) {
            if (options.isBlank()) {
                throw new UnknownDutException("exec: needs the agent's command, for example --dut 'exec:python3 agents/python/offloadkit_agent.py'");
            }
            return new AgentEndpoint.Exec(options);
        }
    }

    /** {@code tcp:HOST:PORT}. */
    public static final class Tcp extends Remote {
        @Override
        public String name() {
            return "tcp";
        }

        @Override
        public String description() {
            return "tcp:HOST:PORT - an agent listening there, speaking docs/protocol.md";
        }

        @Override
        AgentEndpoint.Tcp endpoint(String options) {
            int colon = options.lastIndexOf(':');
            String usage = "tcp: needs HOST:PORT, for example --dut tcp:192.0.2.7:7788 (an IPv6 host in brackets: tcp:[2001:db8::7]:7788); got '"
                    + options + "'";
            if (colon <= 0 || colon == options.length() - 1) {
                throw new UnknownDutException(usage);
            }
            String host = options.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(options.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new UnknownDutException(usage);
            }
            if (port < 1 || port > 65535 || host.isEmpty()) {
                throw new UnknownDutException(usage);
            }
            return new AgentEndpoint.Tcp(host, port);
        }
    }
}
