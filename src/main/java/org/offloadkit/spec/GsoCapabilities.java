package org.offloadkit.spec;

import java.util.Set;

/**
 * NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES: the large sends (LSO, TCP) and UDP segmentation (USO) the hardware
 * performs, and the callback that takes the active set.
 *
 * @param size      the structure size the driver claims; the verifier checks it against {@link #SIZE}
 * @param evtSetGso EvtAdapterOffloadSetGso, or null
 */
public record GsoCapabilities(int size, GsoShapes shapes, OffloadCallback<GsoOffload> evtSetGso) {

    /** sizeof(NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES) on 64-bit Windows. */
    public static final int SIZE = 40;

    /** NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES_INIT followed by setting the layer 4 header offset limit. */
    public static GsoCapabilities of(Set<Layer3Flag> layer3, Set<Layer4Flag> layer4, long maximumOffloadSize,
                                     long minimumSegmentCount, int layer4HeaderOffsetLimit, OffloadCallback<GsoOffload> callback) {
        return new GsoCapabilities(SIZE, new GsoShapes(layer3, layer4, layer4HeaderOffsetLimit, maximumOffloadSize,
                minimumSegmentCount), callback);
    }

    @Override
    public String toString() {
        return "Gso " + shapes + (size == SIZE ? "" : " size " + size);
    }
}
