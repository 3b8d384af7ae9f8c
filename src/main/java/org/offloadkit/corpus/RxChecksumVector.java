package org.offloadkit.corpus;

import java.util.Set;

import org.offloadkit.spec.RxChecksum;

/**
 * A receive checksum case: a frame as it arrives from the wire, and the verdict per layer its generator
 * built it to get (all Rx checksums enabled).
 *
 * @param intended what the generator made: a corrupted field is Invalid, an untouched one Valid, a layer
 *                 with nothing to check NotChecked
 */
public record RxChecksumVector(String id, String name, int packet, byte[] frame, RxChecksum intended, Set<String> tags) {

    /** An IPv4 UDP datagram sent without a checksum: the spec says only "not Invalid" (CSUM-RX-02). */
    public static final String UDP_ZERO_CHECKSUM_IPV4 = "udp-zero-checksum-ipv4";

    public RxChecksumVector {
        tags = Set.copyOf(tags);
    }

    public boolean has(String tag) {
        return tags.contains(tag);
    }

    @Override
    public String toString() {
        return id + " " + name;
    }
}
