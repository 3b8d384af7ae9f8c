package org.offloadkit.pcap;

import java.nio.file.Path;

/** A capture that cannot be read, with the file named and, where the bytes go wrong, the byte offset. */
public final class PcapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public PcapException(String message, Throwable cause) {
        super(message, cause);
        this.offset = -1;
    }

    public PcapException(Path file, long offset, String message, Throwable cause) {
        super(file + ": at byte " + offset + ": " + message, cause);
        this.offset = offset;
    }

    /** Where in the file the bytes go wrong; -1 when the trouble is not in the bytes (a file that cannot be opened). */
    public long offset() {
        return offset;
    }
}
