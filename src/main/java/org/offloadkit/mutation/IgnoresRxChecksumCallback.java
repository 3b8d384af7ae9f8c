package org.offloadkit.mutation;

import java.util.List;
import java.util.Set;

import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.RxChecksumOffload;

/** Takes the Rx checksum callback and never applies it: it keeps validating what the stack switched off. */
public class IgnoresRxChecksumCallback extends Mutant {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-RX-03");
    }

    @Override
    protected List<RscUnit> coalesce(List<byte[]> frames) {
        return RscCoalescer.coalesce(frames, RscSettings.ndis(activeRsc(), RxChecksumOffload.ALL));
    }
}
