package org.offloadkit.spec;

import org.offloadkit.packet.FrameLayout;

/**
 * A packet the framework hands the driver to transmit: the frame, the layout the stack declared for it,
 * and its offload requests. The frame array is the driver's own copy.
 *
 * @param sequence the framework's number for it, unique per adapter
 * @param frame    the bytes as the stack left them (checksum seeds in place)
 * @param layout   NET_PACKET_LAYOUT as the stack filled it (layer 3 may be an "unspecified" variant)
 * @param checksum ms_packet_checksum
 * @param gso      ms_packet_gso
 */
public record TxPacket(long sequence, byte[] frame, FrameLayout layout, TxChecksum checksum, GsoRequest gso) {
    @Override
    public String toString() {
        return "TxPacket#" + sequence + " " + frame.length + " bytes, " + layout.describe() + ", checksum " + checksum
                + (gso.segments() ? ", " + gso : "");
    }
}
