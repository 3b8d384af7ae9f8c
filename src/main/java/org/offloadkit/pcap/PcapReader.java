package org.offloadkit.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads classic pcap (either byte order, microsecond or nanosecond magic) and pcapng (SHB, IDB, EPB, SPB and
 * the obsolete OPB; several interfaces with different link types; sections of either byte order) in Java,
 * one record at a time through a bounded buffer, so memory stays flat whatever the size of the capture and
 * no native call is made per packet (libpcap through Pcap4J costs about 4 microseconds a packet).
 *
 * <p>The public interface, which fuzzing exercises: {@link #open(Path)} or {@link #open(Path, String)} (with a
 * BPF filter that libpcap compiles), then {@link #next()} until it returns null, and {@link #close()}. After
 * each record, {@link #linkType()}, {@link #packetNumber()}, {@link #recordOffset()} and
 * {@link #interfaceId()} describe it. Whatever the bytes, the only exception is {@link PcapException}: a file
 * that is not a capture, or is cut or corrupt, fails at the record where it goes wrong, naming the file and
 * the byte offset, and every record before it has been returned.
 */
public final class PcapReader implements AutoCloseable {
    /** No record of a sane capture comes near this; a larger length field is corruption, not a packet. */
    static final int MAX_RECORD = 16 * 1024 * 1024;
    private static final int BUFFER = 1 << 20;

    private static final int PCAP_MICRO = 0xa1b2c3d4;
    private static final int PCAP_NANO = 0xa1b23c4d;
    private static final int PCAPNG_SHB = 0x0A0D0D0A;
    private static final int PCAPNG_BYTE_ORDER = 0x1A2B3C4D;

    private final Path path;
    private final FileChannel channel;
    private ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    /** File offset of buffer position 0. */
    private long bufferStart;
    private boolean endOfFile;

    private final boolean pcapng;
    private boolean nanosecondPcap;
    private int classicLinkType;
    private final List<Interface> interfaces = new ArrayList<>();
    private final BpfFilter filter;

    private int linkType;
    private int interfaceId;
    private long packetNumber;
    private long recordOffset;
    private long recordsRead;

    /** An interface of a pcapng section: its link type, snap length and timestamp unit. */
    private record Interface(int linkType, int snapLength, long unitsPerSecond, boolean binaryUnits, int exponent,
                             long offsetSeconds) {
        long toNanos(long units) {
            long seconds;
            long fraction;
            if (binaryUnits) {
                seconds = exponent >= 63 ? 0 : units >>> exponent;
                long rest = exponent >= 63 ? units : units & ((1L << exponent) - 1);
                fraction = (long) (rest * (1e9 / Math.pow(2, exponent)));
            } else {
                seconds = Long.divideUnsigned(units, unitsPerSecond);
                long rest = Long.remainderUnsigned(units, unitsPerSecond);
                fraction = unitsPerSecond >= 1_000_000_000L ? rest / (unitsPerSecond / 1_000_000_000L)
                        : rest * (1_000_000_000L / unitsPerSecond);
            }
            return (seconds + offsetSeconds) * 1_000_000_000L + fraction;
        }
    }

    private PcapReader(Path path, FileChannel channel, String filterExpression) {
        this.path = path;
        this.channel = channel;
        buffer.limit(0);
        int magic = peekMagic();
        if (magic == PCAPNG_SHB) {
            pcapng = true;
        } else {
            pcapng = false;
            readClassicHeader();
        }
        filter = filterExpression == null ? null : new BpfFilter(filterExpression, path);
    }

    /** Opens a capture; a file that is not pcap or pcapng is a {@link PcapException} naming it. */
    public static PcapReader open(Path path) {
        return open(path, null);
    }

    /**
     * Opens a capture whose records pass {@code bpfFilter} (tcpdump's syntax, compiled by libpcap for each
     * link type the capture holds); null for every record. {@link #packetNumber()} keeps counting the records
     * the filter drops, so numbers stay those Wireshark shows.
     */
    public static PcapReader open(Path path, String bpfFilter) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new PcapException(path + ": cannot open: " + e.getMessage(), e);
        }
        try {
            return new PcapReader(path, channel, bpfFilter);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public static List<PcapRecord> readAll(Path path) {
        try (PcapReader reader = open(path)) {
            List<PcapRecord> records = new ArrayList<>();
            for (PcapRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
            return records;
        }
    }

    /** The LINKTYPE of the record last returned (of the file's first interface before any). */
    public int linkType() {
        return linkType;
    }

    /** 1-based number of the record last returned, counted as Wireshark numbers packets. */
    public long packetNumber() {
        return packetNumber;
    }

    /** Byte offset in the file of the record (pcap record header, pcapng block) last returned. */
    public long recordOffset() {
        return recordOffset;
    }

    /** The pcapng interface of the record last returned; 0 for classic pcap. */
    public int interfaceId() {
        return interfaceId;
    }

    /** Bytes of the file consumed so far, for progress. */
    public long position() {
        return bufferStart + buffer.position();
    }

    public long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw failure(position(), "cannot read: " + e.getMessage(), e);
        }
    }

    public boolean isPcapng() {
        return pcapng;
    }

    /** The next record, or null at the end of the file. */
    public PcapRecord next() {
        while (true) {
            PcapRecord record = pcapng ? nextPcapng() : nextClassic();
            if (record == null) {
                return null;
            }
            recordsRead++;
            packetNumber = recordsRead;
            if (filter == null || filter.accepts(linkType, record)) {
                return record;
            }
        }
    }

    // ---------------------------------------------------------------- classic pcap

    private void readClassicHeader() {
        if (!fill(24)) {
            throw failure(0, "not a pcap or pcapng capture: " + available() + " bytes, shorter than a pcap file header");
        }
        int magic = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic == PCAP_MICRO || magic == PCAP_NANO) {
            buffer.order(ByteOrder.LITTLE_ENDIAN);
        } else if (Integer.reverseBytes(magic) == PCAP_MICRO || Integer.reverseBytes(magic) == PCAP_NANO) {
            buffer.order(ByteOrder.BIG_ENDIAN);
            magic = Integer.reverseBytes(magic);
        } else {
            throw failure(0, String.format("not a pcap or pcapng capture: magic number 0x%08x", buffer.order(ByteOrder.BIG_ENDIAN).getInt(0)));
        }
        nanosecondPcap = magic == PCAP_NANO;
        // The upper bits of the link type field may carry the FCS length (pcap-linktype(7)); the type is the low 16.
        classicLinkType = buffer.getInt(20) & 0xFFFF;
        linkType = classicLinkType;
        buffer.position(24);
    }

    private PcapRecord nextClassic() {
        long offset = position();
        if (!fill(16)) {
            if (available() == 0) {
                return null;
            }
            throw failure(offset, "the file ends inside a record header (" + available() + " of 16 bytes)");
        }
        int p = buffer.position();
        long seconds = Integer.toUnsignedLong(buffer.getInt(p));
        long fraction = Integer.toUnsignedLong(buffer.getInt(p + 4));
        long captured = Integer.toUnsignedLong(buffer.getInt(p + 8));
        long original = Integer.toUnsignedLong(buffer.getInt(p + 12));
        if (fraction >= (nanosecondPcap ? 1_000_000_000L : 1_000_000L)) {
            throw failure(offset, "record " + (recordsRead + 1) + ": the " + (nanosecondPcap ? "nanosecond" : "microsecond")
                    + " field is " + fraction + ", beyond one second: the file is corrupt here");
        }
        if (captured > MAX_RECORD) {
            throw failure(offset, "record " + (recordsRead + 1) + ": captured length " + captured + " bytes is impossible "
                    + "(the limit is " + MAX_RECORD + "): the file is corrupt here");
        }
        if (!fill(16 + (int) captured)) {
            throw failure(offset, "record " + (recordsRead + 1) + ": the file ends inside it (" + (available() - 16) + " of "
                    + captured + " captured bytes)");
        }
        p = buffer.position(); // filling may have moved the bytes
        byte[] data = new byte[(int) captured];
        buffer.get(p + 16, data);
        buffer.position(p + 16 + (int) captured);
        recordOffset = offset;
        linkType = classicLinkType;
        long nanos = seconds * 1_000_000_000L + (nanosecondPcap ? fraction : fraction * 1_000L);
        return new PcapRecord(nanos, data, (int) Math.min(Integer.MAX_VALUE, Math.max(original, captured)));
    }

    // ---------------------------------------------------------------- pcapng

    private PcapRecord nextPcapng() {
        while (true) {
            long offset = position();
            if (!fill(8)) {
                if (available() == 0) {
                    return null;
                }
                throw failure(offset, "the file ends inside a block header (" + available() + " of 8 bytes)");
            }
            int p = buffer.position();
            int type = buffer.getInt(p);
            if (type == PCAPNG_SHB) {
                readSectionHeader(offset);
                continue;
            }
            long length = Integer.toUnsignedLong(buffer.getInt(p + 4));
            if (length < 12 || length % 4 != 0 || length > MAX_RECORD) {
                throw failure(offset, "block of type 0x" + Integer.toHexString(type) + ": total length " + length
                        + " is impossible (at least 12, a multiple of 4, at most " + MAX_RECORD + "): the file is corrupt here");
            }
            if (!fill((int) length)) {
                throw failure(offset, "block of type 0x" + Integer.toHexString(type) + ": the file ends inside it ("
                        + available() + " of " + length + " bytes)");
            }
            p = buffer.position(); // filling may have moved the bytes
            if (Integer.toUnsignedLong(buffer.getInt(p + (int) length - 4)) != length) {
                throw failure(offset, "block of type 0x" + Integer.toHexString(type) + ": its trailing length "
                        + Integer.toUnsignedLong(buffer.getInt(p + (int) length - 4)) + " disagrees with its leading length "
                        + length + ": the file is corrupt here");
            }
            int body = p + 8;
            int end = p + (int) length - 4;
            PcapRecord record = switch (type) {
                case 1 -> {
                    readInterface(offset, body, end);
                    yield null;
                }
                case 6 -> timestampedPacket(offset, body, end, false);
                case 3 -> simplePacket(offset, body, end);
                case 2 -> timestampedPacket(offset, body, end, true);
                default -> null; // name resolution, statistics, custom blocks: nothing to replay
            };
            buffer.position(p + (int) length);
            if (record != null) {
                recordOffset = offset;
                return record;
            }
        }
    }

    private void readSectionHeader(long offset) {
        if (!fill(12)) {
            throw failure(offset, "the file ends inside a section header block (" + available() + " of 12 bytes)");
        }
        int p = buffer.position();
        int order = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(p + 8);
        if (order == PCAPNG_BYTE_ORDER) {
            buffer.order(ByteOrder.LITTLE_ENDIAN);
        } else if (Integer.reverseBytes(order) == PCAPNG_BYTE_ORDER) {
            buffer.order(ByteOrder.BIG_ENDIAN);
        } else {
            throw failure(offset, String.format("section header block: byte-order magic 0x%08x, expected 0x1a2b3c4d either way round", order));
        }
        long length = Integer.toUnsignedLong(buffer.getInt(p + 4));
        if (length < 28 || length % 4 != 0 || length > MAX_RECORD) {
            throw failure(offset, "section header block: total length " + length + " is impossible: the file is corrupt here");
        }
        if (!fill((int) length)) {
            throw failure(offset, "the file ends inside a section header block (" + available() + " of " + length + " bytes)");
        }
        p = buffer.position(); // filling may have moved the bytes
        if (Integer.toUnsignedLong(buffer.getInt(p + (int) length - 4)) != length) {
            throw failure(offset, "section header block: its trailing length disagrees with its leading length " + length
                    + ": the file is corrupt here");
        }
        interfaces.clear(); // interface IDs are numbered afresh in each section
        buffer.position(p + (int) length);
    }

    private void readInterface(long offset, int body, int end) {
        if (end - body < 8) {
            throw failure(offset, "interface description block of " + (end - body) + " body bytes, fewer than 8");
        }
        int type = Short.toUnsignedInt(buffer.getShort(body));
        int snapLength = buffer.getInt(body + 4);
        long unitsPerSecond = 1_000_000L;
        boolean binary = false;
        int exponent = 6;
        long offsetSeconds = 0;
        int o = body + 8;
        while (o + 4 <= end) {
            int code = Short.toUnsignedInt(buffer.getShort(o));
            int length = Short.toUnsignedInt(buffer.getShort(o + 2));
            if (code == 0 || o + 4 + length > end) {
                break;
            }
            if (code == 9 && length >= 1) {            // if_tsresol
                int resolution = Byte.toUnsignedInt(buffer.get(o + 4));
                binary = (resolution & 0x80) != 0;
                exponent = resolution & 0x7F;
                if (!binary && exponent > 18) {
                    throw failure(offset, "interface " + interfaces.size() + ": timestamp resolution 10^-" + exponent
                            + " is beyond what a 64-bit count can mean");
                }
                unitsPerSecond = binary ? 0 : pow10(exponent);
            } else if (code == 14 && length >= 8) {    // if_tsoffset
                offsetSeconds = buffer.getLong(o + 4);
            }
            o += 4 + ((length + 3) & ~3);
        }
        interfaces.add(new Interface(type, snapLength, unitsPerSecond, binary, exponent, offsetSeconds));
        if (interfaces.size() == 1 && recordsRead == 0) {
            linkType = type;
        }
    }

    private static long pow10(int exponent) {
        long v = 1;
        for (int i = 0; i < exponent; i++) {
            v *= 10;
        }
        return v;
    }

    /**
     * An enhanced packet block, or the obsolete packet block (same layout, but a 16-bit interface ID and a drops
     * count in the first word).
     */
    private PcapRecord timestampedPacket(long offset, int body, int end, boolean obsolete) {
        String block = obsolete ? "packet block" : "enhanced packet block";
        if (end - body < 20) {
            throw failure(offset, block + " of " + (end - body) + " body bytes, fewer than 20");
        }
        int id = obsolete ? Short.toUnsignedInt(buffer.getShort(body)) : buffer.getInt(body);
        Interface in = interfaceFor(offset, id);
        long units = (Integer.toUnsignedLong(buffer.getInt(body + 4)) << 32) | Integer.toUnsignedLong(buffer.getInt(body + 8));
        long captured = Integer.toUnsignedLong(buffer.getInt(body + 12));
        long original = Integer.toUnsignedLong(buffer.getInt(body + 16));
        return packet(offset, in, id, units, captured, original, body + 20, end, block);
    }

    private PcapRecord simplePacket(long offset, int body, int end) {
        if (end - body < 4) {
            throw failure(offset, "simple packet block of " + (end - body) + " body bytes, fewer than 4");
        }
        Interface in = interfaceFor(offset, 0);
        long original = Integer.toUnsignedLong(buffer.getInt(body));
        // The captured length is the original cut to the snap length and to what the block holds (pcapng 4.4).
        long captured = Math.min(original, end - body - 4);
        if (in.snapLength() > 0) {
            captured = Math.min(captured, Integer.toUnsignedLong(in.snapLength()));
        }
        return packet(offset, in, 0, 0, captured, original, body + 4, end, "simple packet block");
    }

    private PcapRecord packet(long offset, Interface in, int id, long units, long captured, long original, int data, int end,
                              String block) {
        if (captured > end - data) {
            throw failure(offset, block + ": captured length " + captured + " runs past the block's end (" + (end - data)
                    + " bytes of data): the file is corrupt here");
        }
        byte[] bytes = new byte[(int) captured];
        buffer.get(data, bytes);
        linkType = in.linkType();
        interfaceId = id;
        return new PcapRecord(in.toNanos(units), bytes, (int) Math.min(Integer.MAX_VALUE, Math.max(original, captured)));
    }

    private Interface interfaceFor(long offset, int id) {
        if (id < 0 || id >= interfaces.size()) {
            throw failure(offset, "a packet names interface " + Integer.toUnsignedString(id) + ", but the section describes "
                    + interfaces.size() + (interfaces.size() == 1 ? " interface" : " interfaces") + " before it");
        }
        return interfaces.get(id);
    }

    // ---------------------------------------------------------------- the bounded buffer

    private int peekMagic() {
        if (!fill(4)) {
            throw failure(0, "not a pcap or pcapng capture: " + available() + " bytes");
        }
        return buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) == PCAPNG_SHB ? PCAPNG_SHB : 0;
    }

    private int available() {
        return buffer.remaining();
    }

    /** Makes {@code bytes} bytes from the position available, reading on; false at the end of the file. */
    private boolean fill(int bytes) {
        if (buffer.remaining() >= bytes) {
            return true;
        }
        if (bytes > buffer.capacity()) {
            if (bufferStart + buffer.position() + bytes > size()) {
                return false; // a length field that runs past the end of the file: no buffer for it
            }
            ByteBuffer larger = ByteBuffer.allocate(Math.max(bytes, buffer.capacity() * 2)).order(buffer.order());
            bufferStart += buffer.position();
            larger.put(buffer);
            larger.flip();
            buffer = larger;
        } else if (buffer.position() > 0) {
            bufferStart += buffer.position();
            buffer.compact();
            buffer.flip();
        }
        while (buffer.remaining() < bytes && !endOfFile) {
            int start = buffer.limit();
            buffer.limit(buffer.capacity());
            buffer.position(start);
            int read;
            try {
                read = channel.read(buffer);
            } catch (IOException e) {
                throw failure(bufferStart + start, "cannot read: " + e.getMessage(), e);
            }
            buffer.limit(buffer.position());
            buffer.position(0);
            if (read < 0) {
                endOfFile = true;
            }
        }
        if (buffer.capacity() > BUFFER && buffer.remaining() < BUFFER / 2 && bytes <= BUFFER / 2) {
            shrink();
        }
        return buffer.remaining() >= bytes;
    }

    /** After one outsized record, back to the ordinary buffer, so memory stays bounded by the largest block. */
    private void shrink() {
        ByteBuffer ordinary = ByteBuffer.allocate(BUFFER).order(buffer.order());
        ordinary.put(buffer);
        ordinary.flip();
        buffer = ordinary;
    }

    private PcapException failure(long offset, String message) {
        return failure(offset, message, null);
    }

    private PcapException failure(long offset, String message, Throwable cause) {
        return new PcapException(path, offset, message, cause);
    }

    @Override
    public void close() {
        closeQuietly(channel);
        if (filter != null) {
            filter.close();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // a file opened for reading has nothing to lose on close
        }
    }
}
