package org.offloadkit.mutation;

import java.util.Set;

import org.offloadkit.spec.GsoCapabilities;

/**
 * LSO hardware without USO whose checksum engine sits in the LSO path only: the datagrams of the framework's
 * software USO reach it as plain packets whose checksums it still owes (GSO-FB-02, and so GSO-FB-03), and go
 * out unfilled, as every plain packet does (CSUM-TX-01, -02, -05, -06).
 */
public class FallbackSegmentsWithoutChecksums extends ChecksumsOnlyInTheLsoPath {
    @Override
    public Set<String> breaks() {
        return Set.of("CSUM-TX-01", "CSUM-TX-02", "CSUM-TX-05", "CSUM-TX-06", "GSO-FB-02", "GSO-FB-03");
    }

    @Override
    protected GsoCapabilities gsoCapabilities() {
        return LsoOnly.tcpOnly();
    }
}
