package org.offloadkit.framework;

/**
 * The interrupt request level a driver's code runs at, as the framework model tracks it: initialization and
 * offload callbacks run at PASSIVE_LEVEL; the datapath runs as NetAdapterCx's queue callbacks and receive
 * DPCs do, at DISPATCH_LEVEL. The offload APIs need PASSIVE_LEVEL (CAP-03).
 */
public enum Irql {
    PASSIVE_LEVEL(0), DISPATCH_LEVEL(2);

    public final int value;

    Irql(int value) {
        this.value = value;
    }
}
