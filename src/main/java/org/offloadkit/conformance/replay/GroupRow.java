package org.offloadkit.conformance.replay;

import org.offloadkit.replay.VectorGroup;

/**
 * A vector group as a data provider row. TestNG keeps every row's parameters until the run ends, and a group
 * holds frames (a group of large sends, half a megabyte), so the test takes the group out of its row once and
 * the row keeps only its name: that is what keeps a replay's heap flat over a capture of any size.
 */
final class GroupRow<V> {
    private final String name;
    private VectorGroup<V> group;

    GroupRow(VectorGroup<V> group) {
        this.name = group.toString();
        this.group = group;
    }

    /** The group, handed out once. */
    VectorGroup<V> take() {
        VectorGroup<V> g = group;
        if (g == null) {
            throw new IllegalStateException(name + " was judged already");
        }
        group = null;
        return g;
    }

    @Override
    public String toString() {
        return name;
    }
}
