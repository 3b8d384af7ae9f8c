package org.offloadkit.packet;

/** The TCP flag bits of header byte 13. */
public final class TcpFlags {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;
    public static final int URG = 0x20;
    public static final int ECE = 0x40;
    public static final int CWR = 0x80;

    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    private TcpFlags() {}

    /** "[PSH ACK]" for 0x18. */
    public static String names(int flags) {
        StringBuilder s = new StringBuilder("[");
        for (int bit = 0; bit < 8; bit++) {
            if ((flags & (1 << bit)) != 0) {
                s.append(s.length() > 1 ? " " : "").append(NAMES[bit]);
            }
        }
        return s.append(']').toString();
    }
}
