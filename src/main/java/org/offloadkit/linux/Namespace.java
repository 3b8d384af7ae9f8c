package org.offloadkit.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.jna.LastErrorException;

/**
 * A network namespace: one the harness made and deletes again (named {@code offloadkit-PID-N} after the
 * JVM that made it), or the JVM's own, {@link #host()}.
 *
 * <p>Nothing is left behind: {@link #close()} deletes a namespace, a shutdown hook deletes those still
 * open when the JVM exits, and the first {@link #create()} of a JVM deletes those of JVMs that died
 * without running their hooks. A veth end inside a namespace goes with it, and so does its peer.
 */
public final class Namespace implements AutoCloseable {
    private static final String PREFIX = "offloadkit-";
    private static final Pattern OURS = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-\\d+");
    /** Where iproute2 mounts named namespaces. */
    private static final Path MOUNTS = Path.of("/var/run/netns");
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final Set<Namespace> OPEN = ConcurrentHashMap.newKeySet();
    private static final Namespace HOST = new Namespace(null);
    private static boolean prepared;

    /** Null for the JVM's own namespace. */
    private final String name;

    private Namespace(String name) {
        this.name = name;
    }

    /** A new, empty namespace (only a loopback device, down), deleted by {@link #close()}. */
    public static Namespace create() {
        LinuxHost.require();
        prepare();
        Namespace namespace = new Namespace(PREFIX + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet());
        // Registered first, so that a JVM that exits during the creation still deletes it.
        OPEN.add(namespace);
        Command.run(ip("netns", "add", namespace.name));
        return namespace;
    }

    /** The namespace the JVM runs in, which the harness never deletes. */
    public static Namespace host() {
        return HOST;
    }

    public boolean isHost() {
        return name == null;
    }

    /** The name {@code ip netns} knows it by; "host" for the JVM's own. */
    public String name() {
        return isHost() ? "host" : name;
    }

    /**
     * Runs {@code task} on a thread of its own inside this namespace and hands back its result. Sockets
     * opened there stay in this namespace for good and may be used from any thread; the thread itself
     * ends with the task, so no thread of the JVM is ever left in a foreign namespace.
     */
    public <T> T call(Callable<T> task) {
        FutureTask<T> inside = new FutureTask<>(() -> {
            enter();
            return task.call();
        });
        Thread thread = new Thread(inside, "netns " + name());
        thread.setDaemon(true);
        thread.start();
        try {
            return inside.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("in namespace " + name() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task in namespace " + name(), e);
        }
    }

    /** Runs a command inside this namespace (with its own /sys) and hands back what it printed. */
    public String exec(String... command) {
        return exec(List.of(command), "");
    }

    /** Runs a command inside this namespace with {@code input} on its standard input. */
    public String exec(List<String> command, String input) {
        List<String> full = new ArrayList<>();
        if (!isHost()) {
            full.addAll(ip("netns", "exec", name));
        }
        full.addAll(command);
        return Command.run(full, input);
    }

    /** Sets a sysctl of this namespace, such as {@code net.ipv6.conf.all.disable_ipv6}. */
    public void setSysctl(String key, String value) {
        Path file = Path.of("/proc/sys", key.split("\\."));
        // /proc/sys/net answers for the namespace of the thread that opens it.
        call(() -> Files.writeString(file, value));
    }

    /** Deletes this namespace; the host namespace stays. Closing twice is harmless. */
    @Override
    public void close() {
        if (!isHost() && OPEN.remove(this)) {
            delete(name);
        }
    }

    @Override
    public String toString() {
        return "namespace " + name();
    }

    /** Every namespace on this machine named by the harness, of this JVM or another. */
    static List<String> all() {
        List<String> names = new ArrayList<>();
        for (String line : Command.run(ip("netns", "list")).split("\n")) {
            String first = line.strip().split(" ")[0];
            if (OURS.matcher(first).matches()) {
                names.add(first);
            }
        }
        return names;
    }

    private static List<String> ip(String... arguments) {
        return LinuxHost.command("ip", arguments);
    }

    private void enter() {
        if (isHost()) {
            return;
        }
        int fd = Libc.C.open(MOUNTS.resolve(name).toString(), Libc.O_RDONLY | Libc.O_CLOEXEC);
        try {
            Libc.C.setns(fd, Libc.CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw new IllegalStateException("cannot enter namespace " + name + ": " + e.getMessage(), e);
        } finally {
            Libc.C.close(fd);
        }
    }

    /** Once per JVM: clear away what dead JVMs left, and make sure this one leaves nothing. */
    private static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        deleteStale();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(namespace -> deleteQuietly(namespace.name)),
                "offloadkit namespace cleanup"));
    }

    /** Deletes the namespaces of JVMs that are gone: killed, or crashed, before their shutdown hooks ran. */
    static void deleteStale() {
        for (String stale : all()) {
            Matcher m = OURS.matcher(stale);
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                deleteQuietly(stale);
            }
        }
    }

    private static void delete(String name) {
        Command.run(ip("netns", "delete", name));
    }

    /** For cleanup that must go on past one failure, such as a namespace another JVM deleted first. */
    private static void deleteQuietly(String name) {
        try {
            delete(name);
        } catch (RuntimeException e) {
            System.err.println("offloadkit: could not delete namespace " + name + ": " + e.getMessage());
        }
    }
}
