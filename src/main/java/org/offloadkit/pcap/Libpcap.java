package org.offloadkit.pcap;

import java.util.Optional;

import org.pcap4j.core.Pcaps;

/** Whether the native libpcap that Pcap4J calls is there. */
public final class Libpcap {
    private Libpcap() {}

    /** Empty when libpcap loads; otherwise what to install. */
    public static Optional<String> problem() {
        try {
            Pcaps.libVersion();
            return Optional.empty();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.of("libpcap is not installed (Pcap4J could not load it: " + e.getMessage().lines().findFirst().orElse("")
                    + "). Install it: apt-get install libpcap0.8");
        }
    }

    public static void require() {
        problem().ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }
}
