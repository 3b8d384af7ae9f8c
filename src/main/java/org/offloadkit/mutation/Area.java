package org.offloadkit.mutation;

/**
 * Where a mutant's bug sits, as the areas and the report's features name them, with the kit's suite
 * that judges the area (an equivalent mutant, which names no requirement, runs it).
 */
public enum Area {
    ADVERTISEMENT("Advertisement", "full"),
    KEYWORDS("Keywords", "full"),
    CALLBACKS("Callbacks", "full"),
    FALLBACK("Software fallback", "full"),
    TX_CHECKSUM("Tx checksum", "checksum"),
    RX_CHECKSUM("Rx checksum", "checksum"),
    LSO("TCP large send", "gso"),
    USO("UDP segmentation", "gso"),
    RSC("Receive segment coalescing", "rsc");

    private final String label;
    private final String suite;

    Area(String label, String suite) {
        this.label = label;
        this.suite = suite;
    }

    public String suite() {
        return suite;
    }

    @Override
    public String toString() {
        return label;
    }
}
