package org.offloadkit.spec;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which checksum targets are switched on, per direction: what the keywords default to and what the
 * stack's requests change.
 */
public record ChecksumSwitches(Set<ChecksumTarget> tx, Set<ChecksumTarget> rx) {

    public static final ChecksumSwitches ALL = new ChecksumSwitches(EnumSet.allOf(ChecksumTarget.class), EnumSet.allOf(ChecksumTarget.class));

    public ChecksumSwitches {
        tx = Set.copyOf(tx);
        rx = Set.copyOf(rx);
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
        return new ChecksumSwitches(newTx, newRx);
    }

    private static EnumSet<ChecksumTarget> copy(Set<ChecksumTarget> set) {
        return set.isEmpty() ? EnumSet.noneOf(ChecksumTarget.class) : EnumSet.copyOf(set);
    }

    @Override
    public String toString() {
        return "Tx " + names(tx) + " Rx " + names(rx);
    }

    private static String names(Set<ChecksumTarget> set) {
        return set.stream().sorted().map(Enum::name).collect(Collectors.joining(" ", "[", "]"));
    }
}
