package org.offloadkit.spec;

import java.util.Set;

/**
 * NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES: the large sends (LSO, TCP) and UDP segmentation (USO) the hardware
 * performs, and the callback that takes the active set.
 *
 * @param size                        the structure size the driver claims; the verifier checks it against {@link #SIZE}
 * @param evtSetGso                   EvtAdapterOffloadSetGso, or null
 * @param subMssFinalSegmentSupported NDIS_UDP_SEGMENTATION_OFFLOAD's SubMssFinalSegmentSupported: a USO send
 *                                    may end in a datagram shorter than the MSS. [GAP] The NetAdapterCx
 *                                    structure has no such member, so the kit takes it beside the structure
 *                                    ({@link #withSubMssFinalSegmentSupported()}); without it the stack sends
 *                                    only USO sends whose length is a multiple of the MSS (spec 2.2).
 */
public record GsoCapabilities(int size, GsoShapes shapes, OffloadCallback<GsoOffload> evtSetGso,
                              boolean subMssFinalSegmentSupported) {

    public GsoCapabilities(int size, GsoShapes shapes, OffloadCallback<GsoOffload> evtSetGso) {
        this(size, shapes, evtSetGso, false);
    }

    /** sizeof(NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES) on 64-bit Windows. */
    public static final int SIZE = 40;

    /** NET_ADAPTER_OFFLOAD_GSO_CAPABILITIES_INIT followed by setting the layer 4 header offset limit. */
    public static GsoCapabilities of(Set<Layer3Flag> layer3, Set<Layer4Flag> layer4, long maximumOffloadSize,
                                     long minimumSegmentCount, int layer4HeaderOffsetLimit, OffloadCallback<GsoOffload> callback) {
        return new GsoCapabilities(SIZE, new GsoShapes(layer3, layer4, layer4HeaderOffsetLimit, maximumOffloadSize,
                minimumSegmentCount), callback);
    }

    /** The same capabilities, with USO sends allowed to end in a datagram shorter than the MSS. */
    public GsoCapabilities withSubMssFinalSegmentSupported() {
        return new GsoCapabilities(size, shapes, evtSetGso, true);
    }

    @Override
    public String toString() {
        return "Gso " + shapes + (subMssFinalSegmentSupported ? " sub-MSS final segment" : "")
                + (size == SIZE ? "" : " size " + size);
    }
}
