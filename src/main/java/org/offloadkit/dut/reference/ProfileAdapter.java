package org.offloadkit.dut.reference;

import org.offloadkit.spec.GsoCapabilities;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.TxChecksumCapabilities;

/**
 * The reference adapter cut down to an {@link AdapterProfile}: it advertises what the profile declares and its
 * engines do that much, so every send and receive beyond it takes the framework's software fallback.
 */
public final class ProfileAdapter extends ReferenceAdapter {
    private final String name;
    private final AdapterProfile profile;

    public ProfileAdapter(String name, AdapterProfile profile) {
        this.name = name;
        this.profile = profile;
    }

    @Override
    protected TxChecksumCapabilities txChecksumCapabilities() {
        AdapterProfile.TxChecksum tx = profile.txChecksum();
        return tx == null ? null : TxChecksumCapabilities.of(tx.layer3(), tx.layer4(), tx.layer3HeaderOffsetLimit(),
                tx.layer4HeaderOffsetLimit(), null);
    }

    @Override
    protected boolean rxChecksum() {
        return profile.rxChecksum();
    }

    @Override
    protected GsoCapabilities gsoCapabilities() {
        AdapterProfile.Gso gso = profile.gso();
        if (gso == null) {
            return null;
        }
        GsoCapabilities caps = GsoCapabilities.of(gso.layer3(), gso.layer4(), gso.maximumOffloadSize(), gso.minimumSegmentCount(),
                gso.layer4HeaderOffsetLimit(), null);
        return gso.subMssFinalSegmentSupported() ? caps.withSubMssFinalSegmentSupported() : caps;
    }

    @Override
    protected RscCapabilities rscCapabilities() {
        AdapterProfile.Rsc rsc = profile.rsc();
        return rsc == null ? null : RscCapabilities.of(rsc.layer3(), rsc.layer4(), rsc.tcpTimestampOption(), null);
    }

    @Override
    public String toString() {
        return "profile:" + name;
    }
}
