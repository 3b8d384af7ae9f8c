package org.offloadkit.framework;

/**
 * A packet extension NetAdapterCx registers for the driver's queues when it starts the adapter (CAP-14).
 *
 * @param name    the extension's name, such as ms_packet_checksum
 * @param version its version
 * @param size    the bytes it takes per packet
 */
public record PacketExtension(String name, int version, int size) {

    public static final PacketExtension CHECKSUM = new PacketExtension("ms_packet_checksum", 1, 1);
    public static final PacketExtension GSO = new PacketExtension("ms_packet_gso", 1, 4);
    public static final PacketExtension RSC = new PacketExtension("ms_packet_rsc", 1, 4);
    public static final PacketExtension RSC_TIMESTAMP = new PacketExtension("ms_packet_rsc_timestamp", 1, 4);

    @Override
    public String toString() {
        return name + " v" + version + " (" + size + " B)";
    }
}
