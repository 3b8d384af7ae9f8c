package org.offloadkit.pcap;

import java.io.EOFException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/** Reads pcap and pcapng files through libpcap, one record at a time. */
public final class PcapReader implements AutoCloseable {
    private final Path path;
    private final PcapHandle handle;

    private PcapReader(Path path, PcapHandle handle) {
        this.path = path;
        this.handle = handle;
    }

    public static PcapReader open(Path path) {
        Libpcap.require();
        try {
            return new PcapReader(path, Pcaps.openOffline(path.toString(), TimestampPrecision.NANO));
        } catch (PcapNativeException e) {
            throw new PcapException(path + ": " + e.getMessage(), e);
        }
    }

    /** The DLT/LINKTYPE of the capture. */
    public int linkType() {
        return handle.getDlt().value();
    }

    /** The next record, or null at the end of the file. */
    public PcapRecord next() {
        try {
            byte[] data = handle.getNextRawPacketEx();
            java.sql.Timestamp ts = handle.getTimestamp();
            long seconds = Math.floorDiv(ts.getTime(), 1000L);
            if (seconds < 0) {
                // pcap's seconds are unsigned 32-bit, but libpcap 1.10 reads them as signed: from 2038-01-19 on
                // they arrive negative. No capture predates 1970, so a negative count is always that wrap.
                seconds += 1L << 32;
            }
            long nanos = seconds * 1_000_000_000L + ts.getNanos();
            return new PcapRecord(nanos, data, handle.getOriginalLength());
        } catch (EOFException end) {
            return null;
        } catch (IllegalArgumentException badTimestamp) {
            // libpcap passes on a sub-second part of a whole second or more; Pcap4J's Timestamp refuses it.
            throw new PcapException(path + ": a record's timestamp has a sub-second part of one second or more ("
                    + badTimestamp.getMessage() + ")", badTimestamp);
        } catch (PcapNativeException | TimeoutException | NotOpenException e) {
            throw new PcapException(path + ": " + e.getMessage(), e);
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

    @Override
    public void close() {
        handle.close();
    }
}
