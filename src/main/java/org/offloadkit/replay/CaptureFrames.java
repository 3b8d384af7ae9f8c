package org.offloadkit.replay;

import java.nio.file.Path;

import org.offloadkit.packet.Bytes;
import org.offloadkit.packet.FrameChecksums;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.ParseResult;
import org.offloadkit.pcap.LinkType;
import org.offloadkit.pcap.PcapException;
import org.offloadkit.pcap.PcapReader;
import org.offloadkit.pcap.PcapRecord;
import org.offloadkit.reference.TxChecksumEngine;

/**
 * A capture's packets, streamed, each as an Ethernet frame parsed once. A capture that turns out corrupt ends
 * at the corrupt record: the packets before it have been given, and {@link #error()} says where and what.
 */
public final class CaptureFrames implements AutoCloseable {
    private final Path file;
    private final PcapReader reader;
    private final Progress progress;
    private PcapException error;

    private CaptureFrames(Path file, PcapReader reader, Progress progress) {
        this.file = file;
        this.reader = reader;
        this.progress = progress;
    }

    /** Opens the capture; one that cannot be opened at all, or a filter that does not compile, throws {@link PcapException}. */
    public static CaptureFrames open(Path file, String bpfFilter, Progress progress) {
        PcapReader reader = PcapReader.open(file, bpfFilter);
        progress.start(file.getFileName().toString(), reader.size());
        return new CaptureFrames(file, reader, progress);
    }

    public String name() {
        return file.getFileName().toString();
    }

    /** The next packet, or null at the end of the capture or where it turns out corrupt. */
    public CapturedFrame next() {
        if (error != null) {
            return null;
        }
        PcapRecord record;
        try {
            record = reader.next();
        } catch (PcapException e) {
            error = e;
            progress.finish(reader.packetNumber());
            return null;
        }
        if (record == null) {
            progress.finish(reader.packetNumber());
            return null;
        }
        progress.advance(reader.packetNumber(), reader.position());
        return classify(reader.packetNumber(), reader.linkType(), record);
    }

    /** The record as the kit replays it. */
    public static CapturedFrame classify(long number, int linkType, PcapRecord record) {
        boolean cut = record.data().length < record.originalLength();
        if (!LinkType.replayable(linkType)) {
            return new CapturedFrame(number, null, null, cut, false, SkipReason.LINK_TYPE);
        }
        byte[] frame = LinkType.asEthernet(linkType, record.data());
        if (frame == null) {
            return new CapturedFrame(number, null, null, cut, false, SkipReason.LINK_HEADER_CUT);
        }
        ParseResult parsed = FrameParser.parse(frame);
        return new CapturedFrame(number, frame, parsed, cut, !cut && isPartial(frame, parsed), null);
    }

    /**
     * CHECKSUM_PARTIAL as a capture on the sending host shows it: the transport checksum does not verify and
     * its field holds exactly the seed a stack leaves for checksum offload (spec 1.3), which a corrupted
     * checksum matches only by a 1-in-65536 chance.
     */
    private static boolean isPartial(byte[] frame, ParseResult parsed) {
        if (!(parsed instanceof FrameLayout l) || !(l.isTcp() || l.isUdp())) {
            return false;
        }
        int field = Bytes.u16(frame, l.transportChecksumOffset());
        return field != 0 && field == TxChecksumEngine.seed(frame, l) && !FrameChecksums.transportVerifies(frame, l);
    }

    /** Where the capture turned out corrupt, or null. */
    public PcapException error() {
        return error;
    }

    @Override
    public void close() {
        reader.close();
    }
}
