package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.offloadkit.framework.NetAdapter;
import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.RxChecksumOffload;

/**
 * Reprograms its receive checksum engine from a slow firmware queue: a new Rx checksum set takes effect
 * {@value #DELAY_MS} ms after the callback, beyond the kit's 2 s answer timeout. ACT-04 sees its datapath not
 * follow the change in time.
 */
public class AppliesRxChecksumCallbackLate extends Mutant {
    static final long DELAY_MS = 2600;

    private volatile RxChecksumOffload applied = RxChecksumOffload.NONE;

    @Override
    public Set<String> breaks() {
        return Set.of("ACT-04");
    }

    @Override
    public void initialize(NetAdapter adapter) {
        super.initialize(new DelegatingNetAdapter(adapter) {
            @Override
            public void setRxChecksumCapabilities(RxChecksumCapabilities capabilities) {
                super.setRxChecksumCapabilities(RxChecksumCapabilities.of(active -> CompletableFuture.runAsync(() -> applied = active,
                        CompletableFuture.delayedExecutor(DELAY_MS, TimeUnit.MILLISECONDS))));
            }
        });
    }

    @Override
    protected List<RscUnit> coalesce(List<byte[]> frames) {
        return RscCoalescer.coalesce(frames, RscSettings.ndis(activeRsc(), applied));
    }
}
