package org.offloadkit.framework;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which NetAdapterCx the framework model behaves as where the documentation and the public 2100 code part
 * (spec section 7). docs/framework.md lists every difference clause by clause.
 */
public enum FrameworkProfile {
    /** What Microsoft's documents say: every set a driver is called back with stays within what it advertised. */
    DOCUMENTED("documented",
            "as documented: active sets within the advertised hardware capabilities, every request field honoured as written"),
    /** What the public NetAdapterCx source of Windows 11 2021 Update (2100) does, its bugs included. */
    NETADAPTERCX_2100("netadaptercx-2100",
            "as the NetAdapterCx 2100 source does: start and resume dispatch unmasked sets, TCPIPv4Checksum=TX_RX_ENABLED clears"
                    + " TCP over IPv4, v4|v6 checksum values OR-ed, asymmetric NOT_SUPPORTED checks, NO_CHANGE enables LSO/USO,"
                    + " RSC timestamps from the hardware after a request");

    public final String label;
    public final String description;

    FrameworkProfile(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public static Optional<FrameworkProfile> named(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
