package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.Layer3Type;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.TxPacket;

/**
 * When the stack declares "IPv4, options unspecified" it assumes a 20-byte header instead of reading
 * IHL, and computes at the wrong offsets whenever options are present.
 */
public class AssumesTwentyByteIpv4Header extends FaultyChecksumEngine {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-05");
    }

    @Override
    byte[] send(TxPacket packet) {
        FrameLayout l = packet.layout();
        FrameLayout assumed = l.layer3Type() != Layer3Type.IPV4_UNSPECIFIED_OPTIONS ? l
                : new FrameLayout(l.layer2Type(), l.layer2Length(), l.layer3Type(), 20, l.layer4Type(), l.layer4Length(),
                        l.vlanTags(), l.ipProtocol(), l.ipEnd(), l.pseudoDestination());
        return TxChecksumEngine.apply(packet.frame(), assumed, packet.checksum());
    }
}
