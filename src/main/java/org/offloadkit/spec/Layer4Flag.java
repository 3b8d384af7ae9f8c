package org.offloadkit.spec;

import java.util.Set;

/** NET_ADAPTER_OFFLOAD_LAYER4_FLAGS: the transport shapes an offload covers ("with options" = TCP header over 20 bytes). */
public enum Layer4Flag {
    TCP_NO_OPTIONS(0x1),
    TCP_WITH_OPTIONS(0x2),
    UDP(0x4);

    public final int bit;

    Layer4Flag(int bit) {
        this.bit = bit;
    }

    public static int bits(Set<Layer4Flag> flags) {
        return flags.stream().mapToInt(f -> f.bit).reduce(0, (a, b) -> a | b);
    }

    public static final Set<Layer4Flag> ALL = Set.of(values());
}
