package org.offloadkit.dut.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/** Where an agent is: a command the kit spawns and talks to over stdio, or a TCP port it connects to. */
sealed interface AgentEndpoint {

    /** A new session with the agent: a fresh process, or a fresh connection. */
    AgentConnection open(Duration timeout) throws IOException;

    /** As the command line names it. */
    String name();

    /** {@code exec:COMMAND}: the kit runs COMMAND through {@code sh -c}, one process a session. */
    record Exec(String command) implements AgentEndpoint {
        private static final int STDERR_LINES = 8;

        @Override
        public String name() {
            return "exec:" + command;
        }

        @Override
        public AgentConnection open(Duration timeout) throws IOException {
            Process process = new ProcessBuilder("sh", "-c", "exec " + command).start();
            Deque<String> stderr = new ArrayDeque<>();
            Thread drain = new Thread(() -> keepTail(process.getErrorStream(), stderr), "offloadkit-agent-stderr");
            drain.setDaemon(true);
            drain.start();
            Thread[] stopWithTheKit = new Thread[1];
            AgentConnection connection = new AgentConnection(name(), process.getInputStream(), process.getOutputStream(), () -> {
                try {
                    process.getOutputStream().close();
                } catch (IOException e) {
                    // the agent is gone already: nothing to close
                }
                process.destroy();
                try {
                    Runtime.getRuntime().removeShutdownHook(stopWithTheKit[0]);
                } catch (IllegalStateException e) {
                    // shutting down: the hook stops it
                }
            }, () -> aftermath(process, drain, stderr));
            // A kit stopped by a signal takes its agent along, even one too hung to notice its stdin closing,
            // without failing the call in flight: that test did not finish, and gets no result.
            stopWithTheKit[0] = new Thread(() -> {
                connection.abandon();
                process.destroyForcibly();
            }, "offloadkit-agent-stop");
            Runtime.getRuntime().addShutdownHook(stopWithTheKit[0]);
            return connection;
        }

        private static void keepTail(InputStream in, Deque<String> tail) {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > STDERR_LINES) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone; what was read is kept
            }
        }

        /** How the process ended, with its last stderr lines: the story a vendor needs to fix the agent. */
        private static String aftermath(Process process, Thread drain, Deque<String> stderr) {
            String status;
            try {
                if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                    status = "; the agent exited with status " + process.exitValue();
                    drain.join(200);
                } else {
                    process.destroyForcibly();
                    status = "; the agent was stopped";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = "";
            }
            synchronized (stderr) {
                return status + (stderr.isEmpty() ? "" : "; its last stderr lines: " + String.join(" | ", stderr));
            }
        }
    }

    /** {@code tcp:HOST:PORT}: the agent listens; the kit connects, one connection a session. */
    record Tcp(String host, int port) implements AgentEndpoint {
        @Override
        public String name() {
            return "tcp:" + host + ":" + port;
        }

        @Override
        public AgentConnection open(Duration timeout) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            socket.setTcpNoDelay(true);
            return new AgentConnection(name(), socket.getInputStream(), socket.getOutputStream(), () -> {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing is all that is left to do
                }
            }, () -> "");
        }
    }
}
