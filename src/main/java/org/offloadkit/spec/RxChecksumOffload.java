package org.offloadkit.spec;

/** The active Rx checksum set: NetOffloadIsRxChecksum{IPv4,Tcp,Udp}Enabled. */
public record RxChecksumOffload(boolean ipv4, boolean tcp, boolean udp) {

    public static final RxChecksumOffload ALL = new RxChecksumOffload(true, true, true);
    public static final RxChecksumOffload NONE = new RxChecksumOffload(false, false, false);

    @Override
    public String toString() {
        return "IPv4 " + onOff(ipv4) + ", TCP " + onOff(tcp) + ", UDP " + onOff(udp);
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
