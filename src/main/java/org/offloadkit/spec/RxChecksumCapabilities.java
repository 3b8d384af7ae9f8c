package org.offloadkit.spec;

/**
 * NET_ADAPTER_OFFLOAD_RX_CHECKSUM_CAPABILITIES: registering it is the whole advertisement; the framework
 * then treats IPv4, TCP and UDP receive checksums as supported (CAP-13).
 *
 * @param size             the structure size the driver claims
 * @param evtSetRxChecksum EvtAdapterOffloadSetRxChecksum, or null
 */
public record RxChecksumCapabilities(int size, OffloadCallback<RxChecksumOffload> evtSetRxChecksum) {

    /** sizeof(NET_ADAPTER_OFFLOAD_RX_CHECKSUM_CAPABILITIES) on 64-bit Windows. */
    public static final int SIZE = 16;

    public static RxChecksumCapabilities of(OffloadCallback<RxChecksumOffload> callback) {
        return new RxChecksumCapabilities(SIZE, callback);
    }

    @Override
    public String toString() {
        return "RxChecksum IPv4 TCP UDP" + (size == SIZE ? "" : " size " + size);
    }
}
