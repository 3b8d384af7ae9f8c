package org.offloadkit.conformance.replay;

import java.util.ArrayList;
import java.util.List;

import org.offloadkit.replay.Offload;
import org.offloadkit.replay.SkipReason;
import org.offloadkit.replay.Tally;

/** What each pass over a capture made of its packets, kept for the accounting results and the command's exit status. */
public final class ReplayLedger {
    /** One capture replayed for one offload: its tally, and where it turned out unreadable, if it did. */
    public record Entry(String capture, Offload offload, Tally tally, String error, long checksumsCompleted) {

        /** The words for the report and summary.json. */
        public String describe() {
            StringBuilder s = new StringBuilder(tally.describe());
            long partial = tally.skipped(SkipReason.PARTIAL_CHECKSUM) + checksumsCompleted;
            if (partial > 0) {
                s.append(String.format("%nRecognized: %,d packets were captured on the sending host before its NIC's checksum offload"
                        + " (CHECKSUM_PARTIAL: the TCP/UDP checksum field holds only the pseudo-header sum). That is how the capture"
                        + " was taken, not the DUT's doing: ", partial));
                s.append(checksumsCompleted > 0 ? "they are received with the checksum the sender's NIC would have filled in."
                        : offload == Offload.RX_CHECKSUM ? "their received checksums are not judged."
                        : "the vectors replace those checksums anyway.");
            }
            if (error != null) {
                s.append(String.format("%nThe capture is unreadable from there on: %s. The vectors before it were judged.", error));
            }
            return s.toString();
        }

        @Override
        public String toString() {
            return offload.label + " · " + capture;
        }
    }

    private static final List<Entry> ENTRIES = new ArrayList<>();

    private ReplayLedger() {}

    static synchronized void add(Entry entry) {
        ENTRIES.add(entry);
    }

    public static synchronized List<Entry> entries() {
        return List.copyOf(ENTRIES);
    }

    /** Forgets every entry: a new run starts. */
    public static synchronized void clear() {
        ENTRIES.clear();
    }

    /** True when some capture could not be read, wholly or from some byte on. */
    public static synchronized boolean anyUnreadable() {
        return ENTRIES.stream().anyMatch(e -> e.error() != null);
    }
}
