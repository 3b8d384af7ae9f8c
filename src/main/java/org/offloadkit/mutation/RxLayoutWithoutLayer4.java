package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.Layer4Type;
import org.offloadkit.spec.RxIndication;

/**
 * Validates correctly but leaves Layer4Type unfilled in the layout, so NetAdapterCx drops its TCP and UDP
 * verdicts on the way to NDIS.
 */
public class RxLayoutWithoutLayer4 extends BentIndications {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-RX-01");
    }

    @Override
    RxIndication bend(RxIndication i) {
        FrameLayout l = i.layout();
        if (!l.isTcp() && !l.isUdp()) {
            return i;
        }
        FrameLayout without = new FrameLayout(l.layer2Type(), l.layer2Length(), l.layer3Type(), l.layer3Length(),
                Layer4Type.UNSPECIFIED, 0, l.vlanTags(), l.ipProtocol(), l.ipEnd(), l.pseudoDestination());
        return new RxIndication(i.frame(), without, i.checksum(), i.rsc());
    }
}
