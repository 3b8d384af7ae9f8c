package org.offloadkit.corpus;

import java.util.Set;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.TxChecksum;

/**
 * A transmit checksum case: a frame as the stack hands it over (IPv4 header checksum zeroed and transport
 * checksum seeded where Required), the layout the stack declares, and the request.
 *
 * @param id      stable identifier, also the packet's place in the corpus pcap
 * @param name    what the case is, in words joined by dashes
 * @param packet  1-based packet number in the corpus pcap, as Wireshark numbers it
 * @param frame   the bytes
 * @param layout  NET_PACKET_LAYOUT as the stack declares it
 * @param request ms_packet_checksum
 * @param tags    what else marks the case: {@link #UDP_SUM_ZERO}, {@link #UNSPECIFIED_LAYER3}, ...
 */
public record TxChecksumVector(String id, String name, int packet, byte[] frame, FrameLayout layout,
                               TxChecksum request, Set<String> tags) {

    /** The UDP checksum computes to 0 and must go out as 0xFFFF (CSUM-TX-06). */
    public static final String UDP_SUM_ZERO = "udp-sum-zero";
    /** The stack declares the IP version only (CSUM-TX-05). */
    public static final String UNSPECIFIED_LAYER3 = "unspecified-layer3";
    /** A Passthrough layer carries a wrong checksum on purpose, as raw-socket test traffic does. */
    public static final String BAD_PASSTHROUGH_LAYER3 = "bad-passthrough-layer3";
    public static final String BAD_PASSTHROUGH_LAYER4 = "bad-passthrough-layer4";

    public TxChecksumVector {
        tags = Set.copyOf(tags);
    }

    public boolean has(String tag) {
        return tags.contains(tag);
    }

    @Override
    public String toString() {
        return id + " " + name + " [" + request + "]";
    }
}
