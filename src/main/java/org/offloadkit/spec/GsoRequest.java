package org.offloadkit.spec;

/**
 * ms_packet_gso: segment this packet into datagrams of {@code mss} payload bytes (a 20-bit field; 0 means
 * no segmentation). {@code kind} says which member of the union the stack filled: TCP (LSOv1 and LSOv2
 * both map there) or UDP (USO).
 */
public record GsoRequest(Kind kind, int mss) {

    public enum Kind { NONE, TCP, UDP }

    /** The largest value the 20-bit Mss field holds. */
    public static final int MAX_MSS = (1 << 20) - 1;

    public static final GsoRequest NONE = new GsoRequest(Kind.NONE, 0);

    public static GsoRequest tcp(int mss) {
        return new GsoRequest(Kind.TCP, mss);
    }

    public static GsoRequest udp(int mss) {
        return new GsoRequest(Kind.UDP, mss);
    }

    public boolean segments() {
        return kind != Kind.NONE && mss != 0;
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "no GSO" : kind + " MSS " + mss;
    }
}
