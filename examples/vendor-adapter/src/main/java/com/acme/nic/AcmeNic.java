package com.acme.nic;

import java.util.List;

import org.offloadkit.reference.RxChecksumEvaluator;
import org.offloadkit.reference.TxChecksumEngine;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.spec.TxPacket;

/**
 * The hardware. In a vendor's adapter these are the calls into the driver or the device (a descriptor
 * written, a doorbell rung, a completion read back); this model computes what correct hardware puts on the
 * wire with the kit's own engines, so that the example passes.
 */
final class AcmeNic {

    /** The frame as it leaves the wire, with the checksums the packet asks for filled in. */
    byte[] send(TxPacket packet) {
        return TxChecksumEngine.apply(packet.frame(), packet.layout(), packet.checksum());
    }

    /** The indications for frames from the wire, checksums validated as the active set says. */
    List<RxIndication> indicate(List<byte[]> frames, RxChecksumOffload active) {
        return frames.stream().map(frame -> RxChecksumEvaluator.indicate(frame, active)).toList();
    }
}
