package org.offloadkit.spec;

import org.offloadkit.packet.FrameLayout;

/**
 * What a driver indicates up for a received frame.
 *
 * @param frame    the bytes indicated
 * @param layout   NET_PACKET_LAYOUT as the driver filled it (Rx drivers must fill it)
 * @param checksum the driver's per-layer checksum evaluation
 * @param rsc      the coalescing metadata; {@link RscInfo#NONE} for a frame indicated as it arrived
 */
public record RxIndication(byte[] frame, FrameLayout layout, RxChecksum checksum, RscInfo rsc) {

    /** A frame indicated as it arrived, not coalesced. */
    public RxIndication(byte[] frame, FrameLayout layout, RxChecksum checksum) {
        this(frame, layout, checksum, RscInfo.NONE);
    }

    @Override
    public String toString() {
        return frame.length + " bytes, " + layout.describe() + ", checksum " + checksum + (rsc.coalesced() ? ", " + rsc : "");
    }
}
