package org.offloadkit.linux;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;

/** An Ethernet frame with the virtio-net header it is sent with or was received with. */
public record VnetFrame(VirtioNetHdr header, byte[] frame) {

    /** A frame sent as it is, no offload asked for. */
    public static VnetFrame plain(byte[] frame) {
        return new VnetFrame(VirtioNetHdr.NONE, frame);
    }

    /**
     * How many segments went into this frame: one unless it is a GSO unit, which holds
     * ceil(payload / gso_size) of them.
     */
    public int segments() {
        if (!header.isGso() || header.gsoSize() == 0 || !(FrameParser.parse(frame) instanceof FrameLayout layout)) {
            return 1;
        }
        return Math.max(1, (layout.payloadLength() + header.gsoSize() - 1) / header.gsoSize());
    }

    @Override
    public String toString() {
        return frame.length + " bytes, " + header;
    }
}
