package org.offloadkit.reference;

import java.util.List;

import org.offloadkit.packet.FrameLayout;

/** What segmenting a large send gives: the frames for the wire, or the reason it must be failed. Never an exception. */
public sealed interface Segmentation {

    /**
     * The segments, in order.
     *
     * @param frames        each segment as a whole frame
     * @param template      the layout of the large send's template (its length from the buffer or the header, as its flavour says)
     * @param payloadLength the user bytes the large send carries
     */
    record Segments(List<byte[]> frames, FrameLayout template, int payloadLength) implements Segmentation {
        public Segments {
            frames = List.copyOf(frames);
        }

        @Override
        public String toString() {
            return frames.size() + " segments of " + payloadLength + " payload bytes";
        }
    }

    /** A request the hardware must fail (spec 2.3 item 8, 2.4 item 8), and why. */
    record Refused(Reason reason, String detail) implements Segmentation {
        @Override
        public String toString() {
            return reason.description + " (" + detail + ")";
        }
    }

    /** Why a large send is failed. */
    enum Reason {
        NOT_A_LARGE_SEND("the template is not what its flavour segments"),
        MALFORMED_TEMPLATE("a header of the template lies about its length"),
        MSS_ZERO("MSS 0 asks for no segmentation"),
        MSS_TOO_LARGE("the MSS does not fit its field or a segment would not fit the IP length field"),
        OVER_MAXIMUM_OFFLOAD_SIZE("more user bytes than MaximumOffloadSize"),
        FEWER_THAN_MINIMUM_SEGMENTS("fewer segments than MinimumSegmentCount"),
        SUB_MSS_FINAL_SEGMENT_UNSUPPORTED("a USO send whose last datagram is shorter than the MSS, without SubMssFinalSegmentSupported");

        public final String description;

        Reason(String description) {
            this.description = description;
        }
    }

    default boolean refused() {
        return this instanceof Refused;
    }
}
