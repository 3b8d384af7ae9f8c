package org.offloadkit.dut.linux;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a Linux device running the kernel's offloads parts from the NDIS rules, by requirement ID, with the
 * reason: what the full suite against {@code linux:veth} fails and skips, and nothing else (a project test
 * holds it to exactly this). The RSC clauses are those of docs/rsc-profiles.md, the {@code linux-gro}
 * profile against {@code ndis}.
 */
public final class LinuxDeviations {
    private LinuxDeviations() {}

    /** Requirements Linux fails, and why. */
    public static final Map<String, String> FAILED = ordered(
            "CSUM-TX-02", "Linux has no IPv4 header checksum offload: its stack always writes the header checksum"
                    + " (ip_send_check) and NETIF_F_IP_CSUM means TCP and UDP over IPv4, so a Layer 3 Required header"
                    + " leaves as the stack gave it",
            "CSUM-TX-05", "its vectors (layouts that name the IP version only) ask for Layer 3 Required too: as CSUM-TX-02",
            "CSUM-RX-02", "Linux reports one verdict a frame, CHECKSUM_UNNECESSARY, and never Invalid: a bad checksum"
                    + " comes up NotChecked; on veth the only check is GRO's, which passes by what it does not parse"
                    + " (VLAN-tagged frames, IPv4 options, fragments, IPv6 fragment headers and chains, non-TCP/UDP:"
                    + " NotChecked), checks a checksum over a routing header against the IPv6 header's destination"
                    + " (an RFC 8200 checksum NotChecked, a first-hop one Valid) and takes an IPv6 UDP checksum of 0"
                    + " for none (Valid)",
            "GSO-TCP-10", "the kernel's segmentation counts IPv4 IDs with a 16-bit wrap (0x7FFF, 0x8000), not LSOv2's 15-bit one",
            "GSO-UDP-03", "the kernel's UDP segmentation checksums every datagram, also of a template whose checksum is 0"
                    + " (Linux refuses UDP_SEGMENT on a socket without checksums)",
            "KW-08", "GRO is one switch for both IP versions: started with *RscIPv4 0 and *RscIPv6 1, the device keeps GRO"
                    + " on for IPv6 and coalesces IPv4 too",
            "RSC-01", "linux-gro clause 5: GRO appends a FIN segment to the unit and then flushes it",
            "RSC-02", "linux-gro clause 10: a segment with IPv4 options is delivered alone while the unit held before it stays",
            "RSC-03", "linux-gro clause 3: a segment with a bad checksum is delivered alone ahead of the unit held"
                    + " before it, NotChecked (Linux never says Invalid)",
            "RSC-04", "linux-gro clause 18: the first segment's payload is the unit's MSS, so a larger segment never merges",
            "RSC-05", "linux-gro clauses 14 to 16: ACK number and window must equal the unit's; a window update is not folded in",
            "RSC-07", "linux-gro clause 6: a PSH segment is appended and then the unit is flushed",
            "RSC-10", "linux-gro clause 20: segments with another TTL never merge",
            "RSC-11", "linux-gro clause 20: segments with another Hop Limit never merge",
            "RSC-13", "linux-gro clauses 3, 10 and 12 and CSUM-RX-02: a segment with a bad checksum, IPv4 options or"
                    + " a fragment comes up NotChecked (GRO passed it by), never Invalid",
            "RSC-14", "the units differ (linux-gro clauses 5, 6, 14 to 18, 20), so their segment counts do",
            "RSC-15", "linux-gro clause 9: options must be byte-identical, so a new TSval ends the unit and there is no delta",
            "RSC-18", "linux-gro clause 3: a segment with a bad checksum is delivered ahead of the unit held before it,"
                    + " so the payloads come up out of order");

    /** Requirements with nothing to judge on Linux, and why. */
    public static final Map<String, String> SKIPPED = ordered(
            "CSUM-TX-04", "the device's checksum features cover every shape with no offset limit: the framework never falls back",
            "GSO-FB-01", "the device's segmentation features cover every shape with no offset limit: the framework never falls back",
            "GSO-FB-02", "as GSO-FB-01",
            "GSO-FB-03", "as GSO-FB-01",
            "GSO-UDP-06", "a Linux device counts what it was handed (veth: one packet a GSO unit), not the datagrams on the"
                    + " wire, so the adapter reports no transmit counters");

    /** The list as one line of the report's environment. */
    public static String describe() {
        return FAILED.entrySet().stream().map(e -> e.getKey() + " fails: " + e.getValue()).collect(Collectors.joining("; "))
                + "; " + SKIPPED.entrySet().stream().map(e -> e.getKey() + " skips: " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static Map<String, String> ordered(String... idAndReason) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < idAndReason.length; i += 2) {
            map.put(idAndReason[i], idAndReason[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
