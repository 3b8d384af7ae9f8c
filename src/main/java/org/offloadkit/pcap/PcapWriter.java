package org.offloadkit.pcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes classic pcap with nanosecond timestamps (magic 0xa1b23c4d), the format libpcap, tcpdump and
 * Wireshark all read. Written here rather than through libpcap's dumper so that evidence can be built in
 * memory and the corpus comes out byte for byte the same on every machine.
 */
public final class PcapWriter implements AutoCloseable {
    public static final int LINKTYPE_ETHERNET = LinkType.ETHERNET;
    private static final int SNAPLEN = 262144;

    private final OutputStream out;

    public PcapWriter(OutputStream out, int linkType) {
        this.out = out;
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(SNAPLEN).putInt(linkType);
        write(header.array());
    }

    /** pcap keeps seconds as an unsigned 32-bit count: 1970 up to early 2106. */
    private static final long LAST_NANOS = (1L << 32) * 1_000_000_000L - 1;

    public void write(PcapRecord record) {
        if (record.timestampNanos() < 0 || record.timestampNanos() > LAST_NANOS) {
            throw new IllegalArgumentException("pcap cannot hold the timestamp " + record.timestampNanos()
                    + " ns: seconds are an unsigned 32-bit count from 1970");
        }
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt((int) (record.timestampNanos() / 1_000_000_000L))
                .putInt((int) (record.timestampNanos() % 1_000_000_000L))
                .putInt(record.data().length)
                .putInt(record.originalLength());
        write(header.array());
        write(record.data());
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Ethernet capture of the frames, one microsecond apart from {@code startNanos}. */
    public static byte[] ethernet(List<byte[]> frames, long startNanos) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapWriter writer = new PcapWriter(bytes, LINKTYPE_ETHERNET)) {
            long t = startNanos;
            for (byte[] frame : frames) {
                writer.write(PcapRecord.of(t, frame));
                t += 1_000;
            }
        }
        return bytes.toByteArray();
    }
}
