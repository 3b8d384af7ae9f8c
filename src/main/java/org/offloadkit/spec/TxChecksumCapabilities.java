package org.offloadkit.spec;

import java.util.Set;

/**
 * NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES: what the hardware can checksum on transmit, and the
 * callback that takes the active set.
 *
 * @param size             the structure size the driver claims; the verifier checks it against {@link #SIZE}
 * @param shapes           Layer3Flags, Layer4Flags and the two header offset limits
 * @param evtSetTxChecksum EvtAdapterOffloadSetTxChecksum, or null
 */
public record TxChecksumCapabilities(int size, TxChecksumShapes shapes, OffloadCallback<TxChecksumOffload> evtSetTxChecksum) {

    /** sizeof(NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES) on 64-bit Windows. */
    public static final int SIZE = 24;

    /** NET_ADAPTER_OFFLOAD_TX_CHECKSUM_CAPABILITIES_INIT followed by setting the layer 4 flags and limits. */
    public static TxChecksumCapabilities of(Set<Layer3Flag> layer3, Set<Layer4Flag> layer4,
                                            int layer3HeaderOffsetLimit, int layer4HeaderOffsetLimit,
                                            OffloadCallback<TxChecksumOffload> callback) {
        return new TxChecksumCapabilities(SIZE,
                new TxChecksumShapes(layer3, layer4, layer3HeaderOffsetLimit, layer4HeaderOffsetLimit), callback);
    }

    @Override
    public String toString() {
        return "TxChecksum " + shapes + (size == SIZE ? "" : " size " + size);
    }
}
