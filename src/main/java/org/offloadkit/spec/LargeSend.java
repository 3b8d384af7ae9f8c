package org.offloadkit.spec;

/**
 * What the stack attaches to a large send, in NDIS terms: NDIS_TCP_LARGE_SEND_OFFLOAD_NET_BUFFER_LIST_INFO
 * (LSOv1 or LSOv2) or NDIS_UDP_SEGMENTATION_OFFLOAD_NET_BUFFER_LIST_INFO (USO), with its MSS (a 20-bit
 * field). NetAdapterCx hands the driver only ms_packet_gso ({@link #gso()}); the flavour stays with the
 * framework, which needs it to complete the send ({@link LsoCompletion}).
 */
public record LargeSend(Flavor flavor, int mss) {

    /** The three kinds of large send, and where their template says how long the datagram is (spec 2.2). */
    public enum Flavor {
        /** IPv4 only; the IPv4 Total Length holds the full length. IP ID rule: [GAP]. */
        LSO_V1("LSOv1", GsoRequest.Kind.TCP),
        /** IPv4 and IPv6; the IPv4 Total Length is 0 and the length comes from the buffer. */
        LSO_V2("LSOv2", GsoRequest.Kind.TCP),
        /** IPv4 and IPv6; the length comes from the buffer. */
        USO("USO", GsoRequest.Kind.UDP);

        public final String label;
        public final GsoRequest.Kind kind;

        Flavor(String label, GsoRequest.Kind kind) {
            this.label = label;
            this.kind = kind;
        }

        public boolean isLso() {
            return kind == GsoRequest.Kind.TCP;
        }
    }

    public static LargeSend lsoV1(int mss) {
        return new LargeSend(Flavor.LSO_V1, mss);
    }

    public static LargeSend lsoV2(int mss) {
        return new LargeSend(Flavor.LSO_V2, mss);
    }

    public static LargeSend uso(int mss) {
        return new LargeSend(Flavor.USO, mss);
    }

    /** ms_packet_gso as NetAdapterCx fills it: LSOv1 and LSOv2 into TCP.Mss, USO into UDP.Mss (spec 2.1). */
    public GsoRequest gso() {
        return new GsoRequest(flavor.kind, mss);
    }

    @Override
    public String toString() {
        return flavor.label + " MSS " + mss;
    }
}
