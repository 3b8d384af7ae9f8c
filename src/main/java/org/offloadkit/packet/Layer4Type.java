package org.offloadkit.packet;

/** NET_PACKET_LAYOUT.Layer4Type. */
public enum Layer4Type {
    UNSPECIFIED(0), TCP(1), UDP(2), IP_FRAGMENT(3), IP_NOT_FRAGMENT(4);

    public final int ndisValue;

    Layer4Type(int ndisValue) {
        this.ndisValue = ndisValue;
    }
}
