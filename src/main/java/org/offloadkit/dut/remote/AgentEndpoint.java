package org.offloadkit.dut.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
            // stderr goes to a file, not a pipe: what an agent says as it dies is then never lost to a race
            // between its exit and a reader thread.
            Path stderr = Files.createTempFile("offloadkit-agent-", ".stderr");
            Process process = new ProcessBuilder("sh", "-c", "exec " + command).redirectError(stderr.toFile()).start();
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
            }, () -> aftermath(process, stderr));
            // A kit stopped by a signal takes its agent along, even one too hung to notice its stdin closing,
            // without failing the call in flight: that test did not finish, and gets no result.
            stopWithTheKit[0] = new Thread(() -> {
                connection.abandon();
                process.destroyForcibly();
                stderr.toFile().delete();
            }, "offloadkit-agent-stop");
            Runtime.getRuntime().addShutdownHook(stopWithTheKit[0]);
            return connection;
        }

        /** How the process ended, with its last stderr lines: the story a vendor needs to fix the agent. */
        private static String aftermath(Process process, Path stderr) {
            String status;
            try {
                if (process.waitFor(500, TimeUnit.MILLISECONDS)) {
                    status = "; the agent exited with status " + process.exitValue();
                } else {
                    process.destroyForcibly();
                    status = "; the agent was stopped";
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = "";
            }
            List<String> tail = tail(stderr);
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException e) {
                // a temporary file left behind
            }
            return status + (tail.isEmpty() ? "" : "; its last stderr lines: " + String.join(" | ", tail));
        }

        private static List<String> tail(Path file) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                int from = Math.max(0, bytes.length - 16 * 1024);
                List<String> lines = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.isBlank()).toList();
                return lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size());
            } catch (IOException e) {
                return List.of();
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
