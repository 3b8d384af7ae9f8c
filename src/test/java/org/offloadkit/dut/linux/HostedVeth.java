package org.offloadkit.dut.linux;

import java.time.Duration;

import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.Keywords;
import org.offloadkit.linux.SkipWithoutRoot;

/** linux:veth started under the framework with the standard keywords, for tests that drive it directly; skips without root. */
final class HostedVeth implements AutoCloseable {
    final LinuxAdapter adapter;
    final AdapterHost host;

    private HostedVeth(LinuxAdapter adapter, AdapterHost host) {
        this.adapter = adapter;
        this.host = host;
    }

    static HostedVeth started() {
        SkipWithoutRoot.check();
        LinuxAdapter adapter = (LinuxAdapter) new LinuxAdapterProvider().create("veth");
        AdapterHost host = new AdapterHost("linux:veth", Keywords.standardDefaults(), Duration.ofSeconds(10));
        HostedVeth veth = new HostedVeth(adapter, host);
        try {
            host.initialize(adapter::initialize);
            host.start();
            return veth;
        } catch (RuntimeException e) {
            veth.close();
            throw e;
        }
    }

    @Override
    public void close() {
        adapter.close();
        host.close();
    }
}
