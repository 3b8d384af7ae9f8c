package org.offloadkit.corpus;

import org.offloadkit.packet.Bytes;

/** Checksums spoiled on purpose, for the cases that must arrive corrupted. */
final class Corrupt {
    private Corrupt() {}

    /** Makes a checksum field wrong, and no longer 0 or 0xFFFF where it was neither. */
    static void checksum(byte[] frame, int checksumField) {
        Bytes.put16(frame, checksumField, Bytes.u16(frame, checksumField) ^ 0x5A5A);
    }
}
