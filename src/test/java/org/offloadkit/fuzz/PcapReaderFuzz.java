package org.offloadkit.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.offloadkit.pcap.PcapException;
import org.offloadkit.pcap.PcapReader;
import org.offloadkit.pcap.PcapRecord;

/**
 * Any file handed to the kit as a capture, read through the pcap package's reading interface (whatever
 * reads the bytes behind it): every record it gives stays within the bytes there were, and a file it
 * cannot read is a {@link PcapException} naming the file and what is wrong with it.
 */
public final class PcapReaderFuzz {
    private static final Path FILE = temporaryFile();

    private PcapReaderFuzz() {}

    public static void fuzzerTestOneInput(byte[] capture) {
        try {
            Files.write(FILE, capture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<PcapRecord> records = PcapReader.readAll(FILE);
            long bytes = records.stream().mapToLong(r -> r.data().length).sum();
            if (bytes > capture.length) {
                throw new AssertionError(records.size() + " records of " + bytes + " bytes from a " + capture.length + "-byte file");
            }
        } catch (PcapException e) {
            BadInput.requireClear(e.getMessage());
            if (!e.getMessage().contains(FILE.toString())) {
                throw new AssertionError("the error does not name the file: " + e.getMessage());
            }
        }
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("offloadkit-fuzz-", ".pcap");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
