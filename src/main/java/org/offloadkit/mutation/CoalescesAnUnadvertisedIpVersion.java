package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RscOffload;

/**
 * Advertises RSC for TCP over IPv4 only, yet its driver coalesces IPv6 too, which NetAdapterCx would coalesce in
 * software: RSC-17 sees coalesced IPv6 units come from the DUT itself.
 */
public class CoalescesAnUnadvertisedIpVersion extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("RSC-17");
    }

    @Override
    protected RscCapabilities rscCapabilities() {
        return RscCapabilities.of(Set.of(Layer3Flag.IPV4_NO_OPTIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), true, null);
    }

    @Override
    protected List<RscUnit> coalesce(List<byte[]> frames) {
        RscOffload v4 = activeRsc();
        Set<Layer3Flag> both = v4.layer3Flags().isEmpty() ? Set.of() : Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS);
        return RscCoalescer.coalesce(frames, RscSettings.ndis(new RscOffload(both, v4.layer4Flags(), v4.tcpTimestampOption()), activeRx()));
    }
}
