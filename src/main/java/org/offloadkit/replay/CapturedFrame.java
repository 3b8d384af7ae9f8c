package org.offloadkit.replay;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.ParseResult;

/**
 * One packet of a capture as the kit replays it: an Ethernet frame, parsed once.
 *
 * @param number  1-based packet number in the capture, as Wireshark numbers it
 * @param frame   the packet as an Ethernet frame (null when its link type is not replayed or its link header is cut)
 * @param parsed  the frame's layout or why it has none (null with no frame)
 * @param cut     the snap length cut it: fewer bytes captured than were on the wire
 * @param partial its TCP/UDP checksum field holds the pseudo-header sum only: it was captured on the sending host
 *                before the NIC filled the checksum in
 */
public record CapturedFrame(long number, byte[] frame, ParseResult parsed, boolean cut, boolean partial, SkipReason unusable) {

    /** The layout, for a frame that parsed. */
    public FrameLayout layout() {
        return (FrameLayout) parsed;
    }

    public boolean parsedAsIp() {
        return parsed instanceof FrameLayout l && (l.isIPv4() || l.isIPv6());
    }

    /**
     * Why this frame gives no vector to an offload that needs an IP packet whose transport headers are all there,
     * or null when it gives one: the reasons every such offload shares, in the order they are decided.
     */
    public SkipReason whyNotAWholeIpPacket() {
        if (unusable != null) {
            return unusable;
        }
        if (cut) {
            return SkipReason.SNAPLEN_CUT;
        }
        if (parsed.isMalformed()) {
            return SkipReason.MALFORMED;
        }
        FrameLayout l = layout();
        if (!l.isIPv4() && !l.isIPv6()) {
            return SkipReason.NOT_IP;
        }
        return switch (l.layer4Type()) {
            case IP_FRAGMENT -> SkipReason.IP_FRAGMENT;
            case TCP, UDP -> null;
            default -> SkipReason.NOT_TCP_OR_UDP;
        };
    }
}
