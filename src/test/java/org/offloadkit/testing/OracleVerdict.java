package org.offloadkit.testing;

/** What an oracle says of each checksum in a frame. */
public record OracleVerdict(ChecksumStatus ipv4Header, ChecksumStatus tcp, ChecksumStatus udp) {

    /** The TCP or UDP checksum's status, whichever the frame has. */
    public ChecksumStatus transport() {
        return tcp != ChecksumStatus.NO_HEADER ? tcp : udp;
    }

    @Override
    public String toString() {
        return "IPv4 header " + ipv4Header + ", TCP " + tcp + ", UDP " + udp;
    }
}
