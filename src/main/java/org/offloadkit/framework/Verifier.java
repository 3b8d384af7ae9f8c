package org.offloadkit.framework;

import static org.offloadkit.spec.Layer3Flag.IPV4_NO_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV4_WITH_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_NO_EXTENSIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_WITH_EXTENSIONS;
import static org.offloadkit.spec.Layer4Flag.TCP_NO_OPTIONS;
import static org.offloadkit.spec.Layer4Flag.TCP_WITH_OPTIONS;

import java.util.Optional;

import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.TxChecksumShapes;

/** NetAdapterCx's always-on verifier: the rules a NetAdapterOffloadSet*Capabilities call must keep. */
public final class Verifier {
    private Verifier() {}

    /** CAP-03: the offload APIs need PASSIVE_LEVEL; P2 is the caller's IRQL. */
    public static Optional<BugCheck> passive(Irql irql, String what) {
        return irql == Irql.PASSIVE_LEVEL ? Optional.empty()
                : Optional.of(new BugCheck(FailureCode.IRQL_IS_NOT_PASSIVE, irql.value, 0, what + " at " + irql));
    }

    /** CAP-15: pausing or resuming the offloads of an adapter not started. */
    public static Optional<BugCheck> started(boolean started, String what) {
        return started ? Optional.empty()
                : Optional.of(new BugCheck(FailureCode.ADAPTER_NOT_STARTED, 0, 0, what + " before NetAdapterStart"));
    }

    /** CAP-15: resuming offloads that are not paused. */
    public static Optional<BugCheck> paused(boolean paused, String what) {
        return paused ? Optional.empty()
                : Optional.of(new BugCheck(FailureCode.OFFLOAD_NOT_PAUSED, 0, 0, what + " without NetAdapterPauseOffloadCapabilities"));
    }

    /** CAP-01: advertising is only allowed before NetAdapterStart. */
    public static Optional<BugCheck> notStarted(boolean started, String what) {
        return started
                ? Optional.of(new BugCheck(FailureCode.ADAPTER_ALREADY_STARTED, 0, 0, what + " after NetAdapterStart"))
                : Optional.empty();
    }

    /** CAP-02: Size must be sizeof the structure; P2 is the size given, P3 the size expected. */
    public static Optional<BugCheck> size(int given, int expected, String what) {
        return given == expected
                ? Optional.empty()
                : Optional.of(new BugCheck(FailureCode.INVALID_STRUCT_TYPE_SIZE, given, expected, what + " with Size " + given));
    }

    /** CAP-04..08: Tx checksum flag combinations (spec 1.1). */
    public static Optional<BugCheck> txChecksum(TxChecksumShapes shapes) {
        String what = "NetAdapterOffloadSetTxChecksumCapabilities " + shapes;
        if (shapes.layer3Flags().isEmpty() && shapes.layer4Flags().isEmpty()) {
            return Optional.of(new BugCheck(FailureCode.INVALID_TX_CHECKSUM_HARDWARE_CAPABILITIES, 0, 0, what + ": no flags"));
        }
        if (shapes.has(IPV4_WITH_OPTIONS) && !shapes.has(IPV4_NO_OPTIONS)) {
            return Optional.of(new BugCheck(FailureCode.INVALID_TX_CHECKSUM_CAPABILITIES, 0, 0, what + ": IPv4WithOptions without IPv4NoOptions"));
        }
        if (shapes.has(IPV6_WITH_EXTENSIONS) && !shapes.has(IPV6_NO_EXTENSIONS)) {
            return Optional.of(new BugCheck(FailureCode.INVALID_TX_CHECKSUM_CAPABILITIES, 0, 1, what + ": IPv6WithExtensions without IPv6NoExtensions"));
        }
        if (shapes.has(TCP_WITH_OPTIONS) && !shapes.has(TCP_NO_OPTIONS)) {
            return Optional.of(new BugCheck(FailureCode.INVALID_TX_CHECKSUM_CAPABILITIES, 0, 2, what + ": TcpWithOptions without TcpNoOptions"));
        }
        if (shapes.has(IPV6_NO_EXTENSIONS) && shapes.layer4Flags().isEmpty() && !shapes.has(IPV4_NO_OPTIONS)) {
            return Optional.of(new BugCheck(FailureCode.INVALID_TX_CHECKSUM_IPV6_FLAGS, 0, 0, what + ": IPv6NoExtensions with no layer 4 flag and no IPv4NoOptions"));
        }
        return Optional.empty();
    }

    /** CAP-09..12: segmentation flags and sizes (spec 2.1). */
    public static Optional<BugCheck> gso(GsoShapes shapes) {
        String what = "NetAdapterOffloadSetGsoCapabilities " + shapes;
        if (shapes.layer3Flags().isEmpty() && shapes.layer4Flags().isEmpty()) {
            return Optional.of(new BugCheck(FailureCode.INVALID_GSO_HARDWARE_CAPABILITIES, 0, 0, what + ": no flags"));
        }
        boolean baseLayer3 = shapes.has(IPV4_NO_OPTIONS) || shapes.has(IPV6_NO_EXTENSIONS);
        boolean baseLayer4 = shapes.has(TCP_NO_OPTIONS) || shapes.has(Layer4Flag.UDP);
        if (baseLayer3 && baseLayer4 && shapes.maximumOffloadSize() == 0) {
            return Optional.of(new BugCheck(FailureCode.INVALID_GSO_CAPABILITIES, 0, 1, what + ": MaximumOffloadSize 0"));
        }
        if (baseLayer3 && baseLayer4 && shapes.minimumSegmentCount() == 0) {
            return Optional.of(new BugCheck(FailureCode.INVALID_GSO_CAPABILITIES, 0, 2, what + ": MinimumSegmentCount 0"));
        }
        if (shapes.has(TCP_WITH_OPTIONS) && !shapes.has(TCP_NO_OPTIONS)) {
            return Optional.of(new BugCheck(FailureCode.INVALID_GSO_CAPABILITIES, 0, 3, what + ": TcpWithOptions without TcpNoOptions"));
        }
        return Optional.empty();
    }
}
