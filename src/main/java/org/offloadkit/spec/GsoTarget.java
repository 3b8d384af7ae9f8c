package org.offloadkit.spec;

import java.util.List;

/**
 * What NDIS switches segmentation on and off for, with the standardized keywords that govern each: LSO
 * over IPv4 is off when either LSO keyword for IPv4 is 0 (spec section 5 step 4).
 */
public enum GsoTarget {
    LSO_IPV4(List.of("*LsoV1IPv4", "*LsoV2IPv4")),
    LSO_IPV6(List.of("*LsoV2IPv6")),
    USO_IPV4(List.of("*UsoIPv4")),
    USO_IPV6(List.of("*UsoIPv6"));

    public final List<String> keywords;

    GsoTarget(List<String> keywords) {
        this.keywords = keywords;
    }

    public boolean isLso() {
        return this == LSO_IPV4 || this == LSO_IPV6;
    }

    public boolean isIPv4() {
        return this == LSO_IPV4 || this == USO_IPV4;
    }

    /** The target a large send of this kind and IP version falls under. */
    public static GsoTarget of(boolean lso, boolean ipv4) {
        return lso ? (ipv4 ? LSO_IPV4 : LSO_IPV6) : (ipv4 ? USO_IPV4 : USO_IPV6);
    }
}
