package org.offloadkit.cli;

import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine.Option;

/** The options every command that runs conformance tests takes: the adapter, where results go, how long to wait. */
final class RunOptions {
    @Option(names = "--dut", paramLabel = "NAME", defaultValue = "reference",
            description = {"The adapter: NAME[:OPTIONS] of a provider (see 'offloadkit duts') or a class name (default: ${DEFAULT-VALUE}).",
                    "An adapter in another process: exec:COMMAND (the kit runs it) or tcp:HOST:PORT (it listens); docs/protocol.md."})
    String dut;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/offloadkit",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--timeout", paramLabel = "MS",
            description = "How long to wait for any one answer from the adapter, in milliseconds (default: the adapter's own: 2000 for reference, 5000 for exec: and tcp: agents).")
    Long timeoutMillis;

    @Option(names = "--no-report", description = "Skip the HTML report; allure-results/ and summary.json are still written.")
    boolean noReport;

    /** The --timeout given, or null for the adapter's own; a usage error when it is not positive. */
    Duration timeout() {
        return timeout(timeoutMillis);
    }

    /** Any command's --timeout: null for the adapter's own; a usage error when it is not positive. */
    static Duration timeout(Long timeoutMillis) {
        if (timeoutMillis != null && timeoutMillis <= 0) {
            throw new SetupException("--timeout must be a positive number of milliseconds");
        }
        return timeoutMillis == null ? null : Duration.ofMillis(timeoutMillis);
    }
}
