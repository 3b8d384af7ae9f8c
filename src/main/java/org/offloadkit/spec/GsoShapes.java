package org.offloadkit.spec;

import java.util.Set;

import org.offloadkit.packet.FrameLayout;

/**
 * The packets a segmentation offload covers, and its limits: the common part of
 * NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES and of the LSO and USO sets of NETOFFLOAD.
 *
 * @param layer4HeaderOffsetLimit 0 = no limit
 * @param maximumOffloadSize      the most user bytes (payload) in one large packet
 * @param minimumSegmentCount     the fewest segments a large packet may make
 */
public record GsoShapes(Set<Layer3Flag> layer3Flags, Set<Layer4Flag> layer4Flags, int layer4HeaderOffsetLimit,
                        long maximumOffloadSize, long minimumSegmentCount) implements PacketShapes {

    public static final GsoShapes NONE = new GsoShapes(Set.of(), Set.of(), 0, 0, 0);

    public GsoShapes {
        layer3Flags = Set.copyOf(layer3Flags);
        layer4Flags = Set.copyOf(layer4Flags);
    }

    /** The layer 3 flag a laid-out packet needs, or null for the unspecified variants. */
    public static Layer3Flag flagFor(FrameLayout layout) {
        return TxChecksumShapes.flagFor(layout.layer3Type());
    }

    @Override
    public String toString() {
        return "L3 " + TxChecksumShapes.sorted(layer3Flags) + " L4 " + TxChecksumShapes.sorted(layer4Flags)
                + " max " + maximumOffloadSize + " min segments " + minimumSegmentCount
                + " L4 offset limit " + (layer4HeaderOffsetLimit == 0 ? "none" : layer4HeaderOffsetLimit);
    }
}
