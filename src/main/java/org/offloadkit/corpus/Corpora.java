package org.offloadkit.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.offloadkit.pcap.PcapReader;
import org.offloadkit.pcap.PcapRecord;
import org.offloadkit.pcap.PcapWriter;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** File work shared by the corpora: deterministic pcaps and manifests, and finding them in the jar. */
final class Corpora {
    /** Corpus timestamps start at 2026-01-01T00:00:00Z and step one millisecond a packet. */
    static final long EPOCH_NANOS = 1_767_225_600L * 1_000_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private Corpora() {}

    static void writePcap(Path file, List<byte[]> frames) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file); PcapWriter writer = new PcapWriter(out, PcapWriter.LINKTYPE_ETHERNET)) {
                long t = EPOCH_NANOS;
                for (byte[] frame : frames) {
                    writer.write(PcapRecord.of(t, frame));
                    t += 1_000_000;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeJson(Path file, Object manifest) {
        try {
            Files.createDirectories(file.getParent());
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            String text = JSON.writer(printer).writeValueAsString(manifest) + "\n";
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T readJson(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read manifest " + file + ": " + e.getMessage(), e);
        }
    }

    static List<PcapRecord> readPcap(Path file) {
        return PcapReader.readAll(file);
    }

    static byte[] packet(List<PcapRecord> records, int number, String pcap) {
        if (number < 1 || number > records.size()) {
            throw new IllegalStateException(pcap + " has " + records.size() + " packets; the manifest names packet " + number);
        }
        return records.get(number - 1).data();
    }

    /** libpcap reads files, so a corpus file in the jar is copied out once per run. */
    static Path fromClassPath(String relative) {
        return EXTRACTED.computeIfAbsent(relative, r -> {
            String resource = "offloadkit/" + r;
            try (InputStream in = Corpora.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the kit's class path has no " + resource);
                }
                Path file = Files.createTempFile("offloadkit-", "-" + Path.of(r).getFileName());
                file.toFile().deleteOnExit();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
