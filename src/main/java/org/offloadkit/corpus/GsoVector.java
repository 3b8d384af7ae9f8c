package org.offloadkit.corpus;

import java.util.Set;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.LargeSend;

/**
 * A large send as the stack hands it over: the template with every user byte behind it (spec 2.2), the
 * layout the stack declares, and the LSO or USO request.
 *
 * @param id     stable identifier
 * @param name   what the case is, in words joined by dashes
 * @param packet 1-based packet number in the corpus pcap, as Wireshark numbers it
 * @param frame  the bytes
 * @param layout NET_PACKET_LAYOUT of the template, its length read as the flavour says
 * @param send   the stack's LSO or USO request
 * @param tags   what the case is there for: {@link #UNDER_MINIMUM}, {@link #OVER_MAXIMUM}, ...
 */
public record GsoVector(String id, String name, int packet, byte[] frame, FrameLayout layout, LargeSend send, Set<String> tags) {

    /** Too few user bytes for the reference adapter's MinimumSegmentCount of 2. */
    public static final String UNDER_MINIMUM = "under-minimum-segment-count";
    /** One user byte over the reference adapter's MaximumOffloadSize of 64 KiB. */
    public static final String OVER_MAXIMUM = "over-maximum-offload-size";
    /** USO whose last datagram is shorter than the MSS. */
    public static final String SUB_MSS_FINAL = "sub-mss-final-segment";
    /** IPv4 IDs of the segments wrap. */
    public static final String ID_WRAP = "ip-id-wrap";
    /** Sequence numbers of the segments wrap. */
    public static final String SEQ_WRAP = "seq-wrap";
    /** L2+L3 beyond the reference adapter's 255-byte layer 4 header offset limit: software segmentation. */
    public static final String BEYOND_OFFSET_LIMIT = "beyond-offset-limit";
    /** USO without UDP checksums: the template's field is 0. */
    public static final String NO_UDP_CHECKSUM = "no-udp-checksum";

    public GsoVector {
        tags = Set.copyOf(tags);
    }

    public boolean has(String tag) {
        return tags.contains(tag);
    }

    /** The user bytes of the send. */
    public int payloadLength() {
        return layout.payloadLength();
    }

    @Override
    public String toString() {
        return id + " " + name + " [" + send + "]";
    }
}
