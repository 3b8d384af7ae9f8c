package org.offloadkit.testing;

import java.util.Arrays;

/** A checksum's status in tshark's words: the values of {@code ip.checksum.status} and its kin in tshark 4.0. */
public enum ChecksumStatus {
    BAD(0),
    GOOD(1),
    UNVERIFIED(2),
    /** A UDP checksum of 0: the sender computed none. */
    NOT_PRESENT(3),
    /** A UDP checksum of 0 where one is mandatory, over IPv6. */
    ILLEGAL(4),
    /** The frame has no such header, so tshark prints no status at all. */
    NO_HEADER(-1);

    private final int tsharkValue;

    ChecksumStatus(int tsharkValue) {
        this.tsharkValue = tsharkValue;
    }

    /** A status as {@code tshark -T fields} prints it: its number, or nothing when the header is absent. */
    public static ChecksumStatus parse(String field) {
        if (field.isEmpty()) {
            return NO_HEADER;
        }
        int value = Integer.parseInt(field);
        return Arrays.stream(values()).filter(s -> s.tsharkValue == value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a tshark checksum status: " + field));
    }
}
