package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.RscChecksumFinalization;

/**
 * Not a bug: a choice the spec allows. It validates segment checksums but does not recompute a unit's,
 * zeroes them and says so with TcpChecksumValueInvalid + IpChecksumValueInvalid. It must break nothing.
 */
public class LeavesUnitChecksumsInvalid extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of();
    }

    @Override
    protected List<RscUnit> coalesce(List<byte[]> frames) {
        return RscCoalescer.coalesce(frames, RscSettings.ndis(activeRsc(), activeRx())
                .withFinalization(RscChecksumFinalization.VALUE_INVALID));
    }
}
