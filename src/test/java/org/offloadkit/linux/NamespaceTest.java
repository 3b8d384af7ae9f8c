package org.offloadkit.linux;

import static org.awaitility.Awaitility.await;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Namespaces are named after the JVM, entered only by threads of their own, and never left behind. */
public class NamespaceTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final Path THREAD_NAMESPACE = Path.of("/proc/thread-self/ns/net");

    @BeforeClass
    public void requireRoot() {
        SkipWithoutRoot.check();
    }

    @Test
    public void aNamespaceIsNamedAfterThisJvmAndGoneAfterClose() {
        Namespace namespace = Namespace.create();
        String name = namespace.name();

        assertTrue(name.matches("offloadkit-" + ProcessHandle.current().pid() + "-\\d+"), name);
        assertTrue(Namespace.all().contains(name));

        namespace.close();
        namespace.close();

        assertFalse(Namespace.all().contains(name));
    }

    /** A task runs inside, on a thread of its own: the caller's thread never changes namespace. */
    @Test
    public void aTaskRunsInsideWhileTheCallerStaysOutside() throws IOException {
        Path before = Files.readSymbolicLink(THREAD_NAMESPACE);
        try (Namespace namespace = Namespace.create()) {
            Path inside = namespace.call(() -> Files.readSymbolicLink(THREAD_NAMESPACE));
            String threadName = namespace.call(() -> Thread.currentThread().getName());

            assertNotEquals(inside, before);
            assertEquals(Files.readSymbolicLink(THREAD_NAMESPACE), before);
            assertNotEquals(threadName, Thread.currentThread().getName());
            // The same namespace every time.
            assertEquals(namespace.call(() -> Files.readSymbolicLink(THREAD_NAMESPACE)), inside);
        }
    }

    /** A new namespace holds only its loopback device, index 1; a command inside sees the same. */
    @Test
    public void aNewNamespaceHoldsOnlyLoopback() {
        try (Namespace namespace = Namespace.create()) {
            assertEquals(new NetDevice("lo", namespace).ifindex(), 1);
            assertEquals(namespace.exec("ip", "-o", "link", "show").lines().count(), 1);
        }
    }

    @Test
    public void aFailingTaskThrowsItsOwnException() {
        try (Namespace namespace = Namespace.create()) {
            IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> namespace.call(() -> {
                throw new IllegalArgumentException("from inside");
            }));
            assertEquals(e.getMessage(), "from inside");
        }
    }

    @Test
    public void sysctlsAreTheNamespacesOwn() throws IOException {
        Path forwarding = Path.of("/proc/sys/net/ipv4/ip_forward");
        String host = Files.readString(forwarding).strip();
        String flipped = host.equals("1") ? "0" : "1";
        try (Namespace namespace = Namespace.create()) {
            namespace.setSysctl("net.ipv4.ip_forward", flipped);

            assertEquals(namespace.exec("cat", forwarding.toString()).strip(), flipped);
            assertEquals(Files.readString(forwarding).strip(), host);
        }
    }

    /** SIGTERM runs the shutdown hooks: the JVM deletes its namespace on the way out. */
    @Test
    public void aJvmThatIsStoppedDeletesItsNamespaces() throws IOException {
        Process holder = startHolder();
        String name = firstLine(holder);
        assertTrue(Namespace.all().contains(name));

        holder.destroy();

        await("namespace " + name + " deleted").atMost(GENEROUS).until(() -> !Namespace.all().contains(name));
    }

    /** SIGKILL runs nothing, so the namespace stays, until the next JVM of the harness clears it away. */
    @Test
    public void aKilledJvmsNamespaceIsClearedAwayByTheNext() throws IOException, InterruptedException {
        Process holder = startHolder();
        String name = firstLine(holder);

        holder.destroyForcibly().waitFor();

        assertTrue(Namespace.all().contains(name), "SIGKILL left " + name);
        Namespace.deleteStale();
        assertFalse(Namespace.all().contains(name));
    }

    /** Stale means of a JVM that is gone: those of live JVMs, this one included, stay. */
    @Test
    public void onlyTheNamespacesOfGoneJvmsAreStale() {
        try (Namespace mine = Namespace.create()) {
            Namespace.deleteStale();

            assertTrue(Namespace.all().contains(mine.name()));
        }
    }

    private static Process startHolder() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), NamespaceHolder.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        assertTrue(line != null && line.startsWith("offloadkit-" + process.pid() + "-"), "the holder printed " + line);
        return line;
    }
}
