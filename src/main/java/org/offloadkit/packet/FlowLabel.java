package org.offloadkit.packet;

/** A frame's flow as a person reads it: "10.0.0.1:40000 > 10.0.0.2:443" or "[2001:db8::1]:40000 > ...". */
public final class FlowLabel {
    private FlowLabel() {}

    public static String of(byte[] frame) {
        ParseResult parsed = FrameParser.parse(frame);
        if (!(parsed instanceof FrameLayout layout) || !(layout.isIPv4() || layout.isIPv6())) {
            return "non-IP";
        }
        int l3 = layout.layer3Offset();
        String source = layout.isIPv4() ? ipv4(frame, l3 + 12) : ipv6(frame, l3 + 8);
        String destination = layout.isIPv4() ? ipv4(frame, l3 + 16) : ipv6(frame, l3 + 24);
        String protocol = layout.isTcp() ? "" : layout.isUdp() ? " UDP" : " protocol " + layout.ipProtocol();
        if (!layout.isTcp() && !layout.isUdp()) {
            return source + " > " + destination + protocol;
        }
        int l4 = layout.layer4Offset();
        return source + ":" + Bytes.u16(frame, l4) + " > " + destination + ":" + Bytes.u16(frame, l4 + 2) + protocol;
    }

    private static String ipv4(byte[] f, int o) {
        return (f[o] & 0xFF) + "." + (f[o + 1] & 0xFF) + "." + (f[o + 2] & 0xFF) + "." + (f[o + 3] & 0xFF);
    }

    private static String ipv6(byte[] f, int o) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < 16; i += 2) {
            s.append(i == 0 ? "" : ":").append(Integer.toHexString(Bytes.u16(f, o + i)));
        }
        return s.append(']').toString();
    }
}
