package org.offloadkit.spec;

/**
 * The NBL's LSO information as NetAdapterCx leaves it when a large TCP send completes (spec 2.1 and 2.3
 * item 7, GSO-TCP-12): LsoV1TransmitComplete holds the user bytes in TcpPayload (30 bits) with Type 0;
 * LsoV2TransmitComplete holds Reserved 0 with Type 1. USO has no completion information.
 *
 * @param type       NDIS_TCP_LARGE_SEND_OFFLOAD_V1_TYPE (0) or V2_TYPE (1)
 * @param tcpPayload LSOv1: the TCP payload bytes of the send; 0 for LSOv2
 * @param reserved   LSOv2: 0
 */
public record LsoCompletion(int type, long tcpPayload, long reserved) {

    public static final int V1_TYPE = 0;
    public static final int V2_TYPE = 1;
    /** TcpPayload is a 30-bit field. */
    public static final long TCP_PAYLOAD_MASK = (1L << 30) - 1;

    public static LsoCompletion v1(long tcpPayload) {
        return new LsoCompletion(V1_TYPE, tcpPayload & TCP_PAYLOAD_MASK, 0);
    }

    public static LsoCompletion v2() {
        return new LsoCompletion(V2_TYPE, 0, 0);
    }

    @Override
    public String toString() {
        return type == V1_TYPE ? "LsoV1TransmitComplete {TcpPayload " + tcpPayload + ", Type 0}"
                : "LsoV2TransmitComplete {Reserved " + reserved + ", Type " + type + "}";
    }
}
