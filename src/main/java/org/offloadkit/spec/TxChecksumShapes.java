package org.offloadkit.spec;

import java.util.Set;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.Layer3Type;

/**
 * The packet shapes a Tx checksum offload covers, and the header offsets it reaches (0 = no limit).
 * The common part of NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES and the active sets of NETOFFLOAD.
 */
public record TxChecksumShapes(Set<Layer3Flag> layer3Flags, Set<Layer4Flag> layer4Flags,
                               int layer3HeaderOffsetLimit, int layer4HeaderOffsetLimit) implements PacketShapes {

    public static final TxChecksumShapes NONE = new TxChecksumShapes(Set.of(), Set.of(), 0, 0);

    public TxChecksumShapes {
        layer3Flags = Set.copyOf(layer3Flags);
        layer4Flags = Set.copyOf(layer4Flags);
    }

    /** The layer 3 flag a laid-out packet needs, or null for the unspecified variants. */
    public static Layer3Flag flagFor(Layer3Type type) {
        return switch (type) {
            case IPV4_NO_OPTIONS -> Layer3Flag.IPV4_NO_OPTIONS;
            case IPV4_WITH_OPTIONS -> Layer3Flag.IPV4_WITH_OPTIONS;
            case IPV6_NO_EXTENSIONS -> Layer3Flag.IPV6_NO_EXTENSIONS;
            case IPV6_WITH_EXTENSIONS -> Layer3Flag.IPV6_WITH_EXTENSIONS;
            default -> null;
        };
    }

    /** The layer 4 flag a TCP or UDP packet needs, or null for anything else. */
    public static Layer4Flag flagFor(FrameLayout layout) {
        return switch (layout.layer4Type()) {
            case TCP -> layout.layer4Length() > 20 ? Layer4Flag.TCP_WITH_OPTIONS : Layer4Flag.TCP_NO_OPTIONS;
            case UDP -> Layer4Flag.UDP;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return "L3 " + sorted(layer3Flags) + " L4 " + sorted(layer4Flags)
                + " offset limits L3 " + limit(layer3HeaderOffsetLimit) + " L4 " + limit(layer4HeaderOffsetLimit);
    }

    static <E extends Enum<E>> String sorted(Set<E> flags) {
        return flags.stream().sorted().map(Enum::name).toList().toString();
    }

    private static String limit(int limit) {
        return limit == 0 ? "none" : Integer.toString(limit);
    }
}
