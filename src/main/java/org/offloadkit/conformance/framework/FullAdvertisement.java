package org.offloadkit.conformance.framework;

import java.util.Set;
import java.util.function.Consumer;

import org.offloadkit.framework.NetAdapter;
import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumCapabilities;

/** What the probes of the keyword and callback suites advertise: every offload, every flag, each with a callback. */
final class FullAdvertisement {
    private FullAdvertisement() {}

    static final long MAXIMUM_OFFLOAD_SIZE = 65536;
    static final long MINIMUM_SEGMENT_COUNT = 2;
    static final int LAYER4_HEADER_OFFSET_LIMIT = 255;

    static final Consumer<NetAdapter> EVERYTHING = a -> {
        a.setTxChecksumCapabilities(TxChecksumCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, 0, LAYER4_HEADER_OFFSET_LIMIT, x -> { }));
        a.setRxChecksumCapabilities(RxChecksumCapabilities.of(x -> { }));
        a.setGsoCapabilities(GsoCapabilities.of(Layer3Flag.ALL, Layer4Flag.ALL, MAXIMUM_OFFLOAD_SIZE, MINIMUM_SEGMENT_COUNT,
                LAYER4_HEADER_OFFSET_LIMIT, x -> { }));
        a.setRscCapabilities(RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS),
                Set.of(Layer4Flag.TCP_NO_OPTIONS), true, x -> { }));
    };

    /** A little of everything: IPv4 only, no options, so that NDIS's views cannot come from the hardware's flags. */
    static final Consumer<NetAdapter> LITTLE = a -> {
        a.setTxChecksumCapabilities(TxChecksumCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), 0, 0, x -> { }));
        a.setGsoCapabilities(GsoCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS),
                32768, 2, 0, x -> { }));
        a.setRscCapabilities(RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), false, x -> { }));
    };
}
