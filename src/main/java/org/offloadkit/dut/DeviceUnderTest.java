package org.offloadkit.dut;

import java.util.Map;

import org.offloadkit.framework.NetAdapter;

/**
 * A network adapter under test: the client driver and its hardware, as the kit sees them.
 *
 * <p>This is the whole contract. In {@link #initialize} the adapter advertises its hardware offload
 * capabilities (each with the callback that takes its active set) and registers its datapath, exactly as
 * a NetAdapterCx client driver does before NetAdapterStart. From then on the framework calls back: the
 * active capabilities through the callbacks, packets through the datapath. Every call arrives on the
 * framework's driver thread; answers may come later, from any thread.
 *
 * <p>The kit finds adapters through {@link DutProvider}; see the README for packaging one.
 */
public interface DeviceUnderTest extends AutoCloseable {

    /** Advertise capabilities and register the datapath; called once, before the adapter starts. */
    void initialize(NetAdapter adapter);

    /**
     * What the adapter tells of itself for the report's environment and summary.json, such as the paths its
     * packets took; read once the suites have run. Optional.
     */
    default Map<String, String> details() {
        return Map.of();
    }

    /** Release whatever the adapter holds; called once, after its last packet. */
    @Override
    default void close() {}
}
