package org.offloadkit.reference;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A named set of coalescing rules. Conformance is judged by {@link #NDIS}; {@link #LINUX_GRO} is what the Linux
 * kernel's GRO does with the same batches, for comparison with a kernel. docs/rsc-profiles.md lists where the
 * two disagree, clause by clause.
 */
public enum RscProfile {
    /** Spec 3.2: the NDIS exceptions, the flowcharts, finalization and indication. */
    NDIS("ndis"),
    /** tcp_gro_receive with inet_gro_receive / ipv6_gro_receive, flushed at the end of every NAPI poll. */
    LINUX_GRO("linux-gro");

    public final String id;

    RscProfile(String id) {
        this.id = id;
    }

    public static RscProfile named(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no RSC profile '" + id + "'; profiles: "
                        + Arrays.stream(values()).map(p -> p.id).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return id;
    }
}
