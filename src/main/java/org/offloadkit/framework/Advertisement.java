package org.offloadkit.framework;

import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumCapabilities;

/** What a driver advertised during initialization; null where it advertised nothing. */
public record Advertisement(TxChecksumCapabilities txChecksum, RxChecksumCapabilities rxChecksum) {

    public static final Advertisement NOTHING = new Advertisement(null, null);

    public Advertisement withTxChecksum(TxChecksumCapabilities caps) {
        return new Advertisement(caps, rxChecksum);
    }

    public Advertisement withRxChecksum(RxChecksumCapabilities caps) {
        return new Advertisement(txChecksum, caps);
    }

    @Override
    public String toString() {
        return (txChecksum == null ? "no Tx checksum" : txChecksum.toString()) + "; "
                + (rxChecksum == null ? "no Rx checksum" : rxChecksum.toString());
    }
}
