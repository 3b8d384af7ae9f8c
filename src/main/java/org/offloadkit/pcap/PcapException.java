package org.offloadkit.pcap;

/** A capture that cannot be read, with the file named. */
public final class PcapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PcapException(String message, Throwable cause) {
        super(message, cause);
    }
}
