package org.offloadkit.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The standardized INF keywords of the task offloads (spec section 4): their type, values and default,
 * the family they give a software set to, and whether NetAdapterCx (2100) reads them at all.
 */
public enum StandardKeyword {
    IP_CHECKSUM_OFFLOAD_IPV4("*IPChecksumOffloadIPv4", Family.CHECKSUM, Values.CHECKSUM, "3", true),
    TCP_CHECKSUM_OFFLOAD_IPV4("*TCPChecksumOffloadIPv4", Family.CHECKSUM, Values.CHECKSUM, "3", true),
    TCP_CHECKSUM_OFFLOAD_IPV6("*TCPChecksumOffloadIPv6", Family.CHECKSUM, Values.CHECKSUM, "3", true),
    UDP_CHECKSUM_OFFLOAD_IPV4("*UDPChecksumOffloadIPv4", Family.CHECKSUM, Values.CHECKSUM, "3", true),
    UDP_CHECKSUM_OFFLOAD_IPV6("*UDPChecksumOffloadIPv6", Family.CHECKSUM, Values.CHECKSUM, "3", true),
    TCP_UDP_CHECKSUM_OFFLOAD_IPV4("*TCPUDPChecksumOffloadIPv4", Family.NONE, Values.CHECKSUM, "3", false),
    TCP_UDP_CHECKSUM_OFFLOAD_IPV6("*TCPUDPChecksumOffloadIPv6", Family.NONE, Values.CHECKSUM, "3", false),
    LSO_V1_IPV4("*LsoV1IPv4", Family.LSO, Values.ON_OFF, "1", true),
    LSO_V2_IPV4("*LsoV2IPv4", Family.LSO, Values.ON_OFF, "1", true),
    LSO_V2_IPV6("*LsoV2IPv6", Family.LSO, Values.ON_OFF, "1", true),
    /** The default is not stated [GAP]; the HLK expects 1. */
    USO_IPV4("*UsoIPv4", Family.USO, Values.ON_OFF, null, true),
    USO_IPV6("*UsoIPv6", Family.USO, Values.ON_OFF, null, true),
    RSC_IPV4("*RscIPv4", Family.RSC, Values.ON_OFF, "1", true),
    RSC_IPV6("*RscIPv6", Family.RSC, Values.ON_OFF, "1", true),
    /** Read by NetAdapterCx 2100 but undocumented [GAP]: values and default are not stated. */
    RSC_TIMESTAMP("*RscTimestamp", Family.NONE, Values.ON_OFF, null, true),
    UDP_RSC("*UdpRsc", Family.NONE, Values.ON_OFF, "1", false),
    ENCAPSULATED_PACKET_TASK_OFFLOAD("*EncapsulatedPacketTaskOffload", Family.NONE, Values.ON_OFF, "1", false),
    ENCAPSULATED_PACKET_TASK_OFFLOAD_NVGRE("*EncapsulatedPacketTaskOffloadNvgre", Family.NONE, Values.ON_OFF, "1", false),
    ENCAPSULATED_PACKET_TASK_OFFLOAD_VXLAN("*EncapsulatedPacketTaskOffloadVxlan", Family.NONE, Values.ON_OFF, "1", false),
    VXLAN_UDP_PORT_NUMBER("*VxlanUDPPortNumber", Family.NONE, Values.PORT, "4789", false),
    IPSEC_OFFLOAD_V1_IPV4("*IPsecOffloadV1IPv4", Family.NONE, Values.IPSEC, "3", false),
    IPSEC_OFFLOAD_V2("*IPsecOffloadV2", Family.NONE, Values.IPSEC, "3", false),
    IPSEC_OFFLOAD_V2_IPV4("*IPsecOffloadV2IPv4", Family.NONE, Values.IPSEC, "3", false);

    /** The offload family whose software set a keyword's existence creates (KW-01). */
    public enum Family { CHECKSUM, LSO, USO, RSC, NONE }

    /** The values a keyword takes: an enumeration, or an integer range. */
    public record Values(String type, Map<String, String> enumeration, int min, int max) {
        static final Values CHECKSUM = enumeration(Map.of("0", "Disabled", "1", "Tx Enabled", "2", "Rx Enabled", "3", "Rx & Tx Enabled"));
        static final Values ON_OFF = enumeration(Map.of("0", "Disabled", "1", "Enabled"));
        static final Values IPSEC = enumeration(Map.of("0", "Disabled", "1", "AH Enabled", "2", "ESP Enabled", "3", "AH & ESP Enabled"));
        static final Values PORT = new Values("int", Map.of(), 1024, 65535);

        static Values enumeration(Map<String, String> values) {
            return new Values("enum", values, 0, 0);
        }
    }

    public final String keyword;
    public final Family family;
    public final Values values;
    /** The documented default, or null where the documents do not state one. */
    public final String defaultValue;
    public final boolean readByNetAdapterCx;

    StandardKeyword(String keyword, Family family, Values values, String defaultValue, boolean readByNetAdapterCx) {
        this.keyword = keyword;
        this.family = family;
        this.values = values;
        this.defaultValue = defaultValue;
        this.readByNetAdapterCx = readByNetAdapterCx;
    }

    private static final Map<String, StandardKeyword> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(k -> k.keyword.toLowerCase(Locale.ROOT), Function.identity()));

    /** The standardized keyword of that name; registry names are case-insensitive. */
    public static Optional<StandardKeyword> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    public static List<StandardKeyword> of(Family family) {
        return Arrays.stream(values()).filter(k -> k.family == family).toList();
    }
}
