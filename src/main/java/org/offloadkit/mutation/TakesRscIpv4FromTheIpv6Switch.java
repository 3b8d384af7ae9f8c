package org.offloadkit.mutation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.RscOffload;

/**
 * Reads the two RSC switches into one register and programs IPv4 coalescing from the IPv6 bit: right while
 * both keywords agree, as they do by default and when the stack turns both off, wrong when a user sets only
 * *RscIPv4 to 0.
 */
public class TakesRscIpv4FromTheIpv6Switch extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("KW-08");
    }

    @Override
    protected List<RscUnit> coalesce(List<byte[]> frames) {
        RscOffload active = activeRsc();
        Set<Layer3Flag> programmed = EnumSet.noneOf(Layer3Flag.class);
        if (active.isTcpRscIPv6Enabled()) {
            programmed.add(Layer3Flag.IPV4_NO_OPTIONS);
            programmed.add(Layer3Flag.IPV6_NO_EXTENSIONS);
        }
        return RscCoalescer.coalesce(frames, RscSettings.ndis(new RscOffload(programmed, active.layer4Flags(),
                active.tcpTimestampOption()), activeRx()));
    }
}
