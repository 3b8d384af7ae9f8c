package org.offloadkit.spec;

/** The NDIS_OFFLOAD_PARAMETERS fields that switch segmentation and coalescing (values: {@link SwitchParameter}). */
public enum SwitchField {
    LSO_V1("LsoV1"),
    LSO_V2_IPV4("LsoV2IPv4"),
    LSO_V2_IPV6("LsoV2IPv6"),
    USO_IPV4("UdpSegmentation.IPv4"),
    USO_IPV6("UdpSegmentation.IPv6"),
    RSC_IPV4("RscIPv4"),
    RSC_IPV6("RscIPv6");

    public final String ndisName;

    SwitchField(String ndisName) {
        this.ndisName = ndisName;
    }
}
