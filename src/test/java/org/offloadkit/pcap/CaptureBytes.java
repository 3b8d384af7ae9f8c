package org.offloadkit.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Captures written byte by byte in any of the shapes the reader must take, for tests: classic pcap of either
 * byte order and timestamp unit, and pcapng sections with several interfaces and every packet block type.
 * Written from the format documents, not from the reader.
 */
public final class CaptureBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    private CaptureBytes(ByteOrder order) {
        this.order = order;
    }

    /** A classic pcap header: magic 0xa1b2c3d4 (microseconds) or 0xa1b23c4d (nanoseconds). */
    public static CaptureBytes pcap(ByteOrder order, boolean nanoseconds, int linkType, int snapLength) {
        CaptureBytes c = new CaptureBytes(order);
        c.put(buf(24, order).putInt(nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(snapLength).putInt(linkType));
        return c;
    }

    public CaptureBytes record(long seconds, long fraction, byte[] data, int originalLength) {
        put(buf(16, order).putInt((int) seconds).putInt((int) fraction).putInt(data.length).putInt(originalLength));
        out.writeBytes(data);
        return this;
    }

    /** A pcapng file starting with a section header block. */
    public static CaptureBytes pcapng(ByteOrder order) {
        return new CaptureBytes(order).section();
    }

    public CaptureBytes section() {
        return block(0x0A0D0D0A, buf(16, order).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).array());
    }

    /** An interface description block; {@code tsresol} is the if_tsresol byte, or -1 for the default (microseconds). */
    public CaptureBytes iface(int linkType, int snapLength, int tsresol) {
        ByteBuffer b = buf(tsresol < 0 ? 12 : 20, order).putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        if (tsresol >= 0) {
            b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]).putShort((short) 0).putShort((short) 0);
        } else {
            b.putInt(0);
        }
        return block(1, b.array());
    }

    public CaptureBytes enhanced(int interfaceId, long units, byte[] data, int originalLength) {
        ByteBuffer b = buf(20 + pad(data.length), order).putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units)
                .putInt(data.length).putInt(originalLength).put(data);
        return block(6, b.array());
    }

    public CaptureBytes simple(byte[] data, int originalLength) {
        return block(3, buf(4 + pad(data.length), order).putInt(originalLength).put(data).array());
    }

    public CaptureBytes obsolete(int interfaceId, long units, byte[] data, int originalLength) {
        ByteBuffer b = buf(20 + pad(data.length), order).putShort((short) interfaceId).putShort((short) 0)
                .putInt((int) (units >>> 32)).putInt((int) units).putInt(data.length).putInt(originalLength).put(data);
        return block(2, b.array());
    }

    /** A block of a type the reader has no use for (name resolution, 4), which it must step over. */
    public CaptureBytes nameResolution() {
        return block(4, new byte[4]);
    }

    public CaptureBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private CaptureBytes block(int type, byte[] body) {
        int length = 12 + body.length;
        put(buf(8, order).putInt(type).putInt(length));
        out.writeBytes(body);
        put(buf(4, order).putInt(length));
        return this;
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    private void put(ByteBuffer b) {
        out.writeBytes(b.array());
    }

    private static ByteBuffer buf(int size, ByteOrder order) {
        return ByteBuffer.allocate(size).order(order);
    }
}
