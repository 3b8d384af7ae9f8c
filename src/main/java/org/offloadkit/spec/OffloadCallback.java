package org.offloadkit.spec;

/**
 * EVT_NET_ADAPTER_OFFLOAD_SET_*: the framework tells the driver its new active capabilities. Called on
 * the framework's driver thread (PASSIVE_LEVEL), never on the caller's.
 */
@FunctionalInterface
public interface OffloadCallback<T> {
    void onActiveCapabilities(T active);
}
