package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscOffload;

/**
 * Programs coalescing once, as advertised, and ignores the RSC callback: it keeps coalescing what the stack
 * switched off (RSC-17), and what the keywords left off at start (KW-08).
 */
public class IgnoresRscCallback extends Mutant {
    private static final RscOffload AS_ADVERTISED = new RscOffload(Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS),
            Set.of(Layer4Flag.TCP_NO_OPTIONS), true);

    @Override
    public Set<String> breaks() {
        return Set.of("RSC-17", "KW-08");
    }

    @Override
    protected List<RscUnit> coalesce(List<byte[]> frames) {
        return RscCoalescer.coalesce(frames, RscSettings.ndis(AS_ADVERTISED, activeRx()));
    }
}
