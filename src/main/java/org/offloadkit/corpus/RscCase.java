package org.offloadkit.corpus;

import java.util.List;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;

/**
 * A coalescing case: frames as they arrive from the wire, in receive batches, built to show one idea.
 *
 * @param id           stable identifier, such as {@code rsc-07}
 * @param name         the idea in words joined by dashes; also its pcap's name
 * @param idea         what the case shows and what the NDIS rules make of it, for a person to read
 * @param batches      the receive batches, each one DPC's frames, in order
 * @param requirements the RSC requirements judged on it
 * @param intended     the units the NDIS rules make of it, worked out by hand: each a group of 0-based frame
 *                     places across the case, as ranges ("0-3") or lists ("0,4,8")
 */
public record RscCase(String id, String name, String idea, List<List<byte[]>> batches, List<String> requirements,
                      List<String> intended) {

    public RscCase {
        batches = batches.stream().map(List::copyOf).toList();
        requirements = List.copyOf(requirements);
        intended = List.copyOf(intended);
    }

    /** Every frame of every batch, in arrival order. */
    public List<byte[]> frames() {
        return batches.stream().flatMap(List::stream).toList();
    }

    public boolean judgedBy(String requirement) {
        return requirements.contains(requirement);
    }

    /** True when some TCP segment of the case travels over IPv4 (or, with false, over IPv6). */
    public boolean carriesTcpOver(boolean ipv4) {
        return frames().stream().map(FrameParser::parse).anyMatch(p -> p instanceof FrameLayout l
                && (ipv4 ? l.isIPv4() : l.isIPv6()) && l.ipProtocol() == FrameLayout.PROTOCOL_TCP);
    }

    @Override
    public String toString() {
        return id + " " + name;
    }
}
