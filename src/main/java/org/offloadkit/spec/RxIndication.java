package org.offloadkit.spec;

import org.offloadkit.packet.FrameLayout;

/**
 * What a driver indicates up for a received frame.
 *
 * @param frame    the bytes indicated
 * @param layout   NET_PACKET_LAYOUT as the driver filled it (Rx drivers must fill it)
 * @param checksum the driver's per-layer checksum evaluation
 */
public record RxIndication(byte[] frame, FrameLayout layout, RxChecksum checksum) {
    @Override
    public String toString() {
        return frame.length + " bytes, " + layout.describe() + ", checksum " + checksum;
    }
}
