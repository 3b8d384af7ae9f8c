package org.offloadkit.linux;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether this process may drive the kernel harness: Linux, the privileges that namespaces, veth pairs
 * and packet sockets take, and the two configuration tools ({@code ip} from iproute2, {@code ethtool}).
 */
public final class LinuxHost {
    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_NET_RAW = 13;
    private static final int CAP_SYS_ADMIN = 21;
    private static final List<String> TOOLS = List.of("ip", "ethtool");
    /** Where Debian keeps both tools; a non-root PATH often leaves them out. */
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    private LinuxHost() {}

    /** Empty when the harness can run here; otherwise everything that is missing and what to do about it. */
    public static Optional<String> problem() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return Optional.of("the kernel harness needs Linux; this is " + System.getProperty("os.name"));
        }
        List<String> problems = new ArrayList<>();
        if (!hasCapabilities()) {
            problems.add("it needs root (or CAP_NET_ADMIN, CAP_NET_RAW and CAP_SYS_ADMIN) to create network namespaces,"
                    + " veth pairs and packet sockets: run it as root");
        }
        List<String> missing = TOOLS.stream().filter(tool -> tool(tool).isEmpty()).toList();
        if (!missing.isEmpty()) {
            problems.add("it needs " + String.join(" and ", missing) + ": apt-get install -y iproute2 ethtool");
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of("the kernel harness cannot run here: " + String.join("; ", problems));
    }

    /** Throws with {@link #problem()}'s message unless the harness can run here. */
    public static void require() {
        problem().ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }

    /** A command line that runs {@code ip} or {@code ethtool}, wherever it is installed. */
    static List<String> command(String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(tool(tool).map(Path::toString).orElse(tool));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The path of {@code ip} or {@code ethtool}, looked up on PATH and then where Debian installs them. */
    private static Optional<Path> tool(String name) {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"));
        return Stream.concat(path, SYSTEM_DIRECTORIES.stream())
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean hasCapabilities() {
        try {
            BigInteger effective = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("CapEff:"))
                    .map(line -> new BigInteger(line.substring("CapEff:".length()).strip(), 16))
                    .findFirst().orElse(BigInteger.ZERO);
            return Stream.of(CAP_NET_ADMIN, CAP_NET_RAW, CAP_SYS_ADMIN).allMatch(effective::testBit);
        } catch (IOException e) {
            return false;
        }
    }
}
