package org.offloadkit.spec;

import java.util.Set;

/** The layer 3 and layer 4 flags of the packets a Tx checksum or segmentation offload covers. */
public interface PacketShapes {
    Set<Layer3Flag> layer3Flags();

    Set<Layer4Flag> layer4Flags();

    default boolean has(Layer3Flag flag) {
        return layer3Flags().contains(flag);
    }

    default boolean has(Layer4Flag flag) {
        return layer4Flags().contains(flag);
    }

    default boolean isEmpty() {
        return layer3Flags().isEmpty() && layer4Flags().isEmpty();
    }
}
