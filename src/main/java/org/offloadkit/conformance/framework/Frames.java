package org.offloadkit.conformance.framework;

import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;

/** The few frames the framework suites send: plain TCP over IPv4, its checksums correct. */
final class Frames {
    private Frames() {}

    static final byte[] TCP_V4 = FrameBuilder.ethernet(new byte[] {2, 0, 0, 0, 0, 2}, new byte[] {2, 0, 0, 0, 0, 1})
            .ipv4(new byte[] {(byte) 192, 0, 2, 1}, new byte[] {(byte) 198, 51, 100, 7}).tcp(40000, 443).payload(new byte[100]).build();
    static final FrameLayout TCP_V4_LAYOUT = FrameParser.parse(TCP_V4).layout();
}
