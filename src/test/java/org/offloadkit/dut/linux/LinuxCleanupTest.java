package org.offloadkit.dut.linux;

import static org.awaitility.Awaitility.await;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.offloadkit.cli.OffloadKit;
import org.offloadkit.linux.NamespaceHolder;
import org.offloadkit.linux.SkipWithoutRoot;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.Test;

/**
 * A run of linux:veth killed part way (SIGKILL: no shutdown hook runs) leaves its namespace, and with it the
 * veth pair, only until the kit next starts: the next JVM that makes a namespace deletes it.
 */
public class LinuxCleanupTest {

    @Test
    public void aKilledRunsNamespaceIsGoneOnceTheKitStartsAgain() throws IOException, InterruptedException {
        SkipWithoutRoot.check();
        Path out = Scratch.directory("offloadkit-killed-");
        Process run = java(OffloadKit.class.getName(), "run", "--dut", "linux:veth", "--suite", "rsc", "--no-report",
                "--out", out.toString()).redirectErrorStream(true).redirectOutput(out.resolve("run.log").toFile()).start();
        String ours = "offloadkit-" + run.pid() + "-";
        try {
            await("the run's namespace").atMost(Duration.ofSeconds(60)).until(() -> namespaces().contains(ours));
        } finally {
            run.destroyForcibly();
            assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(namespaces().contains(ours), "SIGKILL runs no hook: the namespace is still there");

        Process next = java(NamespaceHolder.class.getName()).start();
        try (BufferedReader printed = new BufferedReader(new InputStreamReader(next.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(printed.readLine().startsWith("offloadkit-" + next.pid() + "-"), "the next JVM made its namespace");
            assertFalse(namespaces().contains(ours), "and deleted the killed run's first: " + namespaces());
        } finally {
            next.getOutputStream().close();
            assertTrue(next.waitFor(30, TimeUnit.SECONDS));
        }
    }

    private static ProcessBuilder java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

    private static String namespaces() throws IOException, InterruptedException {
        Process list = new ProcessBuilder("ip", "netns", "list").start();
        String text = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        list.waitFor();
        return text;
    }
}
