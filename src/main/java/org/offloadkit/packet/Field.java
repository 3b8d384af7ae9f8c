package org.offloadkit.packet;

/**
 * One header field of a frame, named as Wireshark names it.
 *
 * @param key    Wireshark-style field name, such as {@code tcp.checksum}
 * @param label  what a person calls it
 * @param offset first byte in the frame
 * @param length bytes
 * @param format how to show its value
 */
public record Field(String key, String label, int offset, int length, Format format) {

    public enum Format { DECIMAL, HEX, MAC, IPV4, IPV6, TCP_FLAGS, BYTES }

    public boolean fitsIn(byte[] frame) {
        return offset + length <= frame.length;
    }

    public boolean sameIn(byte[] a, byte[] b) {
        return java.util.Arrays.equals(a, offset, offset + length, b, offset, offset + length);
    }

    /** The field's value in {@code frame}, formatted; "(absent)" when the frame is too short. */
    public String valueIn(byte[] frame) {
        if (!fitsIn(frame)) {
            return "(absent)";
        }
        return switch (format) {
            case DECIMAL -> Long.toString(number(frame));
            case HEX -> "0x" + Bytes.hex(frame, offset, length);
            case MAC -> Bytes.hex(frame, offset, length).replaceAll("(..)(?!$)", "$1:");
            case IPV4 -> (frame[offset] & 0xFF) + "." + (frame[offset + 1] & 0xFF) + "."
                    + (frame[offset + 2] & 0xFF) + "." + (frame[offset + 3] & 0xFF);
            case IPV6 -> Bytes.hex(frame, offset, length).replaceAll("(....)(?!$)", "$1:");
            case TCP_FLAGS -> "0x" + Bytes.hex(frame, offset, length) + " " + TcpFlags.names(frame[offset] & 0xFF);
            case BYTES -> length <= 32 ? Bytes.hex(frame, offset, length)
                    : length + " bytes, " + Bytes.hex(frame, offset, 16) + "...";
        };
    }

    private long number(byte[] frame) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = value << 8 | (frame[offset + i] & 0xFF);
        }
        return value;
    }
}
