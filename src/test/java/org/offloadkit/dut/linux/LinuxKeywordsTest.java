package org.offloadkit.dut.linux;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.time.Duration;

import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.Keywords;
import org.offloadkit.linux.SkipWithoutRoot;
import org.testng.annotations.Test;

/**
 * Standardized keywords reach the kernel: the framework's active set at start, filtered by the keywords,
 * comes to the adapter's callbacks, which switch the device's ethtool features to it.
 */
public class LinuxKeywordsTest {

    @Test
    public void keywordsThatSwitchLsoAndRscOffLeaveTsoAndGroOffOnTheDevice() {
        SkipWithoutRoot.check();
        Keywords keywords = Keywords.standardDefaults().with("*LsoV2IPv4", "0", "test").with("*RscIPv4", "0", "test")
                .with("*RscIPv6", "0", "test");
        LinuxAdapter adapter = (LinuxAdapter) new LinuxAdapterProvider().create("veth");
        try (AdapterHost host = new AdapterHost("linux:veth", keywords, Duration.ofSeconds(10))) {
            assertTrue(adapter.device().features().get(EthtoolCapabilities.TSO_IPV4), "veth starts with TSO on");
            host.initialize(adapter::initialize);
            host.start();
            assertFalse(adapter.device().features().get(EthtoolCapabilities.TSO_IPV4), "*LsoV2IPv4 0: " + adapter.changes());
            assertTrue(adapter.device().features().get(EthtoolCapabilities.TSO_IPV6), "*LsoV2IPv6 keeps its default");
            assertFalse(adapter.device().features().get(EthtoolCapabilities.GRO), "*RscIPv4 and *RscIPv6 0: " + adapter.changes());
            assertTrue(adapter.device().features().get(EthtoolCapabilities.TX_CHECKSUM_GENERIC));
        } finally {
            adapter.close();
        }
    }
}
