package org.offloadkit.spec;

/**
 * The active Tx checksum set a driver is called back with: NETOFFLOAD holds one set for the IPv4
 * header checksum, one for TCP and one for UDP.
 */
public record TxChecksumOffload(TxChecksumShapes ipv4Header, TxChecksumShapes tcp, TxChecksumShapes udp) {

    public static final TxChecksumOffload NONE = new TxChecksumOffload(TxChecksumShapes.NONE, TxChecksumShapes.NONE, TxChecksumShapes.NONE);

    /** NetOffloadIsTxChecksumIPv4Enabled. */
    public boolean isIPv4Enabled() {
        return ipv4Header.has(Layer3Flag.IPV4_NO_OPTIONS);
    }

    /** NetOffloadIsTxChecksumTcpEnabled. */
    public boolean isTcpEnabled() {
        return tcp.has(Layer4Flag.TCP_NO_OPTIONS);
    }

    /** NetOffloadIsTxChecksumUdpEnabled. */
    public boolean isUdpEnabled() {
        return udp.has(Layer4Flag.UDP);
    }

    @Override
    public String toString() {
        return "IPv4 header {" + ipv4Header + "}, TCP {" + tcp + "}, UDP {" + udp + "}";
    }
}
