package org.offloadkit.packet;

/** NET_PACKET_LAYOUT.Layer2Type. */
public enum Layer2Type {
    UNSPECIFIED(0), NULL(1), ETHERNET(2), IEEE80211(3);

    public final int ndisValue;

    Layer2Type(int ndisValue) {
        this.ndisValue = ndisValue;
    }
}
