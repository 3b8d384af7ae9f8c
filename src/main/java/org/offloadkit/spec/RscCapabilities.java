package org.offloadkit.spec;

import java.util.Set;

/**
 * NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES: the receive traffic the hardware coalesces, whether it coalesces
 * across TCP timestamp options, and the callback that takes the active set.
 *
 * @param size      the structure size the driver claims; the verifier checks it against {@link #SIZE}
 * @param evtSetRsc EvtAdapterOffloadSetRsc, or null
 */
public record RscCapabilities(int size, Set<Layer3Flag> layer3Flags, Set<Layer4Flag> layer4Flags,
                              boolean tcpTimestampOption, OffloadCallback<RscOffload> evtSetRsc) {

    /** sizeof(NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES) on 64-bit Windows. */
    public static final int SIZE = 24;

    public RscCapabilities {
        layer3Flags = Set.copyOf(layer3Flags);
        layer4Flags = Set.copyOf(layer4Flags);
    }

    /** NET_ADAPTER_OFFLOAD_RSC_CAPABILITIES_INIT, then TcpTimestampOption set between INIT and Set. */
    public static RscCapabilities of(Set<Layer3Flag> layer3, Set<Layer4Flag> layer4, boolean tcpTimestampOption,
                                     OffloadCallback<RscOffload> callback) {
        return new RscCapabilities(SIZE, layer3, layer4, tcpTimestampOption, callback);
    }

    @Override
    public String toString() {
        return "Rsc L3 " + TxChecksumShapes.sorted(layer3Flags) + " L4 " + TxChecksumShapes.sorted(layer4Flags)
                + (tcpTimestampOption ? " with TCP timestamps" : "") + (size == SIZE ? "" : " size " + size);
    }
}
