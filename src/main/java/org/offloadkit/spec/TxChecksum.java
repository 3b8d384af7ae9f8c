package org.offloadkit.spec;

/** The Tx side of ms_packet_checksum: what the stack asks of each layer (layer 2 is always Passthrough). */
public record TxChecksum(TxChecksumAction layer3, TxChecksumAction layer4) {

    public static final TxChecksum PASSTHROUGH = new TxChecksum(TxChecksumAction.PASSTHROUGH, TxChecksumAction.PASSTHROUGH);

    public boolean anyRequired() {
        return layer3 == TxChecksumAction.REQUIRED || layer4 == TxChecksumAction.REQUIRED;
    }

    @Override
    public String toString() {
        return "L3 " + layer3 + " L4 " + layer4;
    }
}
