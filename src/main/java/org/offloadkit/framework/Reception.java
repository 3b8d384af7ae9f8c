package org.offloadkit.framework;

import java.util.List;

import org.offloadkit.spec.RxBatch;
import org.offloadkit.spec.RxIndication;

/**
 * One batch of frames from the wire through the driver's receive path.
 *
 * @param indications what the driver indicates
 * @param softwareRsc the framework's software RSC as it stood when the batch arrived
 * @param counts      where the units the software RSC builds are counted
 */
public record Reception(RxBatch batch, Pending<List<RxIndication>> indications, SoftwareRsc softwareRsc, FallbackCounts counts) {

    /** What reaches the stack: the driver's indications after the framework's software RSC. */
    public List<RxIndication> toStack() {
        List<RxIndication> indicated = indications.await();
        List<RxIndication> toStack = softwareRsc.apply(indicated);
        counts.coalesced(toStack.stream().filter(i -> i.rsc().coalesced() && !indicated.contains(i)).count());
        return toStack;
    }
}
