package org.offloadkit.framework;

import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RxChecksumCapabilities;
import org.offloadkit.spec.TxChecksumCapabilities;

/** What a driver advertised during initialization; null where it advertised nothing. */
public record Advertisement(TxChecksumCapabilities txChecksum, RxChecksumCapabilities rxChecksum,
                            GsoCapabilities gso, RscCapabilities rsc) {

    public static final Advertisement NOTHING = new Advertisement(null, null, null, null);

    public Advertisement withTxChecksum(TxChecksumCapabilities caps) {
        return new Advertisement(caps, rxChecksum, gso, rsc);
    }

    public Advertisement withRxChecksum(RxChecksumCapabilities caps) {
        return new Advertisement(txChecksum, caps, gso, rsc);
    }

    public Advertisement withGso(GsoCapabilities caps) {
        return new Advertisement(txChecksum, rxChecksum, caps, rsc);
    }

    public Advertisement withRsc(RscCapabilities caps) {
        return new Advertisement(txChecksum, rxChecksum, gso, caps);
    }

    @Override
    public String toString() {
        return (txChecksum == null ? "no Tx checksum" : txChecksum.toString()) + "; "
                + (rxChecksum == null ? "no Rx checksum" : rxChecksum.toString()) + "; "
                + (gso == null ? "no GSO" : gso.toString()) + "; "
                + (rsc == null ? "no RSC" : rsc.toString());
    }
}
