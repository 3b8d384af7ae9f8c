package org.offloadkit.spec;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which checksum targets are switched on, per direction: what the keywords default to and what the
 * stack's requests change.
 *
 * @param clearedLayer4 the transport checksums (TCP_NO_OPTIONS for TCP, UDP for UDP) whose layer 4 flags a
 *                      request cleared for both IP versions at once, as NetAdapterCx 2100 does from the OR of
 *                      the two versions' fields (spec 7 item 4); always empty under the documented behaviour
 */
public record ChecksumSwitches(Set<ChecksumTarget> tx, Set<ChecksumTarget> rx, Set<Layer4Flag> clearedLayer4) {

    public static final ChecksumSwitches ALL = new ChecksumSwitches(EnumSet.allOf(ChecksumTarget.class), EnumSet.allOf(ChecksumTarget.class));

    public ChecksumSwitches {
        tx = Set.copyOf(tx);
        rx = Set.copyOf(rx);
        clearedLayer4 = Set.copyOf(clearedLayer4);
    }

    public ChecksumSwitches(Set<ChecksumTarget> tx, Set<ChecksumTarget> rx) {
        this(tx, rx, Set.of());
    }

    /** These switches with the layer 4 flags of a transport set or cleared for both IP versions. */
    public ChecksumSwitches withLayer4(Layer4Flag transport, boolean on) {
        java.util.Set<Layer4Flag> cleared = new java.util.HashSet<>(clearedLayer4);
        if (on) {
            cleared.remove(transport);
        } else {
            cleared.add(transport);
        }
        return new ChecksumSwitches(tx, rx, cleared);
    }

    public boolean tx(ChecksumTarget target) {
        return tx.contains(target);
    }

    public boolean rx(ChecksumTarget target) {
        return rx.contains(target);
    }

    public ChecksumSwitches with(ChecksumTarget target, boolean txOn, boolean rxOn) {
        EnumSet<ChecksumTarget> newTx = copy(tx);
        EnumSet<ChecksumTarget> newRx = copy(rx);
        if (txOn) {
            newTx.add(target);
        } else {
            newTx.remove(target);
        }
        if (rxOn) {
            newRx.add(target);
        } else {
            newRx.remove(target);
        }
        return new ChecksumSwitches(newTx, newRx, clearedLayer4);
    }

    private static EnumSet<ChecksumTarget> copy(Set<ChecksumTarget> set) {
        return set.isEmpty() ? EnumSet.noneOf(ChecksumTarget.class) : EnumSet.copyOf(set);
    }

    @Override
    public String toString() {
        return "Tx " + names(tx) + " Rx " + names(rx) + (clearedLayer4.isEmpty() ? "" : " layer 4 cleared " + names(clearedLayer4));
    }

    private static <E extends Enum<E>> String names(Set<E> set) {
        return set.stream().sorted().map(Enum::name).collect(Collectors.joining(" ", "[", "]"));
    }
}
