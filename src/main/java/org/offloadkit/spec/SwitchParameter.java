package org.offloadkit.spec;

/** The value of an LSO, USO or RSC field of NDIS_OFFLOAD_PARAMETERS. */
public enum SwitchParameter {
    NO_CHANGE(0), DISABLED(1), ENABLED(2);

    public final int ndisValue;

    SwitchParameter(int ndisValue) {
        this.ndisValue = ndisValue;
    }
}
