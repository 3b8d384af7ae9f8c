package org.offloadkit.spec;

/** The active segmentation set a driver is called back with: NETOFFLOAD holds an LSO set and a USO set. */
public record GsoOffload(GsoShapes lso, GsoShapes uso) {

    public static final GsoOffload NONE = new GsoOffload(GsoShapes.NONE, GsoShapes.NONE);

    /** NetOffloadIsLsoIPv4Enabled. */
    public boolean isLsoIPv4Enabled() {
        return lso.has(Layer3Flag.IPV4_NO_OPTIONS) && lso.has(Layer4Flag.TCP_NO_OPTIONS);
    }

    /** NetOffloadIsLsoIPv6Enabled. */
    public boolean isLsoIPv6Enabled() {
        return lso.has(Layer3Flag.IPV6_NO_EXTENSIONS) && lso.has(Layer4Flag.TCP_NO_OPTIONS);
    }

    /** NetOffloadIsUsoIPv4Enabled. */
    public boolean isUsoIPv4Enabled() {
        return uso.has(Layer3Flag.IPV4_NO_OPTIONS) && uso.has(Layer4Flag.UDP);
    }

    /** NetOffloadIsUsoIPv6Enabled. */
    public boolean isUsoIPv6Enabled() {
        return uso.has(Layer3Flag.IPV6_NO_EXTENSIONS) && uso.has(Layer4Flag.UDP);
    }

    @Override
    public String toString() {
        return "LSO {" + lso + "}, USO {" + uso + "}";
    }
}
