package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;

/** Not a bug: the documented exemption. Every duplicate ACK is indicated on its own. It must break nothing. */
public class ExemptsDuplicateAcks extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of();
    }

    @Override
    protected List<RscUnit> coalesce(List<byte[]> frames) {
        return RscCoalescer.coalesce(frames, RscSettings.ndis(activeRsc(), activeRx()).withDuplicateAckExemption());
    }
}
