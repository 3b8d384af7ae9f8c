package org.offloadkit.spec;

import java.util.Set;

/** NET_ADAPTER_OFFLOAD_LAYER3_FLAGS: the IP shapes an offload covers. */
public enum Layer3Flag {
    IPV4_NO_OPTIONS(0x1),
    IPV4_WITH_OPTIONS(0x2),
    IPV6_NO_EXTENSIONS(0x4),
    IPV6_WITH_EXTENSIONS(0x8);

    public final int bit;

    Layer3Flag(int bit) {
        this.bit = bit;
    }

    public static int bits(Set<Layer3Flag> flags) {
        return flags.stream().mapToInt(f -> f.bit).reduce(0, (a, b) -> a | b);
    }

    public static final Set<Layer3Flag> ALL = Set.of(values());
}
