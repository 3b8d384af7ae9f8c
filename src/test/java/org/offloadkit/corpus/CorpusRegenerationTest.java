package org.offloadkit.corpus;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.testing.ProjectDir;
import org.offloadkit.testing.Scratch;
import org.offloadkit.testing.Tshark;
import org.testng.annotations.AfterClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The committed corpus is exactly what its seeded generator makes, so nobody edits a pcap by hand and a
 * generator change cannot slip in without its corpus.
 */
public class CorpusRegenerationTest {
    private static final Path ROOT = ProjectDir.root();
    private static final String HOW_TO_REGENERATE = "regenerate the corpus with ./offloadkit corpus"
            + " (or java -jar target/offloadkit.jar corpus, after mvn -q -B package -DskipTests) and commit it";

    private ChecksumCorpus generated;
    private Path generatedRoot;

    @DataProvider
    public static Object[][] corpusFiles() {
        Stream<String> single = Stream.of(ChecksumCorpus.TX_PCAP, ChecksumCorpus.RX_PCAP, ChecksumCorpus.TX_MANIFEST,
                ChecksumCorpus.RX_MANIFEST, GsoCorpus.LSO_PCAP, GsoCorpus.USO_PCAP, GsoCorpus.LSO_MANIFEST, GsoCorpus.USO_MANIFEST);
        Stream<String> rsc = Stream.concat(Stream.of(RscCorpus.MANIFEST), RscCorpus.generate().cases().stream().map(RscCorpus::pcapOf));
        return Stream.concat(single, rsc).map(file -> new Object[] {file}).toArray(Object[][]::new);
    }

    @Test
    public void noCoalescingPcapIsLeftOverFromAnOldGenerator() throws IOException {
        try (Stream<Path> committed = Files.list(ROOT.resolve("pcaps/rsc"))) {
            assertEquals(committed.map(f -> "pcaps/rsc/" + f.getFileName()).sorted().toList(),
                    RscCorpus.generate().cases().stream().map(RscCorpus::pcapOf).sorted().toList(), HOW_TO_REGENERATE);
        }
    }

    @Test
    public void tsharkReadsEveryCoalescingCaseWithTheFramesItsBatchesHold() {
        for (RscCase c : RscCorpus.load(ROOT).cases()) {
            assertEquals(Tshark.fields(ROOT.resolve(RscCorpus.pcapOf(c)), "frame.number").size(),
                    c.batches().stream().mapToInt(List::size).sum(), c.toString());
        }
    }

    @Test
    public void loadingTheCommittedCorpusGivesTheGeneratedCoalescingCases() {
        RscCorpus loaded = RscCorpus.load(ROOT);
        RscCorpus generated = RscCorpus.generate();
        assertEquals(loaded.seed(), generated.seed(), "seed");
        assertEquals(loaded.cases().stream().map(RscView::of).toList(), generated.cases().stream().map(RscView::of).toList(),
                HOW_TO_REGENERATE);
    }

    @DataProvider
    public static Object[][] manifests() {
        return Stream.of(ChecksumCorpus.TX_MANIFEST, ChecksumCorpus.RX_MANIFEST, GsoCorpus.LSO_MANIFEST, GsoCorpus.USO_MANIFEST)
                .map(file -> new Object[] {file}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "corpusFiles")
    public void committedFileIsWhatTheGeneratorMakes(String file) throws IOException {
        Path committed = ROOT.resolve(file);
        assertTrue(Files.isRegularFile(committed), file + " is missing: " + HOW_TO_REGENERATE);
        long firstDifference = Files.mismatch(generatedRoot().resolve(file), committed);
        assertEquals(firstDifference, -1L, file + " differs from what the generator makes, from byte " + firstDifference
                + " on: " + HOW_TO_REGENERATE);
    }

    @Test(dataProvider = "manifests")
    public void tsharkReadsAsManyPacketsAsTheManifestNames(String manifestFile) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(ROOT.resolve(manifestFile).toFile());
        String pcap = manifest.get("pcap").asText();
        assertEquals(Tshark.fields(ROOT.resolve(pcap), "frame.number").size(), manifest.get("vectors").size(),
                "packets tshark reads in " + pcap + ", against the vectors " + manifestFile + " names");
    }

    @Test
    public void loadingTheCommittedCorpusGivesTheGeneratedTransmitVectors() {
        ChecksumCorpus loaded = ChecksumCorpus.load(ROOT);
        assertEquals(loaded.seed(), generated().seed(), "seed");
        assertEquals(loaded.tx().stream().map(TxView::of).toList(), generated().tx().stream().map(TxView::of).toList(),
                HOW_TO_REGENERATE);
    }

    @Test
    public void loadingTheCommittedCorpusGivesTheGeneratedReceiveVectors() {
        assertEquals(ChecksumCorpus.load(ROOT).rx().stream().map(RxView::of).toList(),
                generated().rx().stream().map(RxView::of).toList(), HOW_TO_REGENERATE);
    }

    @Test
    public void loadingTheCommittedCorpusGivesTheGeneratedLargeSends() {
        GsoCorpus loaded = GsoCorpus.load(ROOT);
        assertEquals(loaded.seed(), GsoCorpusGenerator.DEFAULT_SEED, "seed");
        assertEquals(loaded.all().stream().map(GsoView::of).toList(), GsoCorpus.generate().all().stream().map(GsoView::of).toList(),
                HOW_TO_REGENERATE);
    }

    @AfterClass(alwaysRun = true)
    public void deleteGeneratedCorpus() throws IOException {
        if (generatedRoot != null) {
            try (Stream<Path> files = Files.walk(generatedRoot)) {
                files.sorted(Comparator.reverseOrder()).forEach(CorpusRegenerationTest::delete);
            }
        }
    }

    /** A vector as comparable values; the frame as hex, because arrays compare by identity. */
    private record TxView(String id, String name, int packet, FrameLayout layout, TxChecksum request, Set<String> tags,
                          String frame) {
        static TxView of(TxChecksumVector v) {
            return new TxView(v.id(), v.name(), v.packet(), v.layout(), v.request(), v.tags(), HexFormat.of().formatHex(v.frame()));
        }
    }

    private record RxView(String id, String name, int packet, RxChecksum intended, Set<String> tags, String frame) {
        static RxView of(RxChecksumVector v) {
            return new RxView(v.id(), v.name(), v.packet(), v.intended(), v.tags(), HexFormat.of().formatHex(v.frame()));
        }
    }

    private record RscView(String id, String name, String idea, List<List<String>> batches, List<String> requirements,
                           List<String> intended) {
        static RscView of(RscCase c) {
            return new RscView(c.id(), c.name(), c.idea(),
                    c.batches().stream().map(b -> b.stream().map(HexFormat.of()::formatHex).toList()).toList(),
                    c.requirements(), c.intended());
        }
    }

    private record GsoView(String id, String name, int packet, FrameLayout layout, LargeSend send, Set<String> tags, String frame) {
        static GsoView of(GsoVector v) {
            return new GsoView(v.id(), v.name(), v.packet(), v.layout(), v.send(), v.tags(), HexFormat.of().formatHex(v.frame()));
        }
    }

    private ChecksumCorpus generated() {
        if (generated == null) {
            generated = ChecksumCorpus.generate();
        }
        return generated;
    }

    private Path generatedRoot() throws IOException {
        if (generatedRoot == null) {
            generatedRoot = Scratch.directory("offloadkit-corpus-");
            generated().write(generatedRoot);
            RscCorpus.generate().write(generatedRoot);
            GsoCorpus.generate().write(generatedRoot);
        }
        return generatedRoot;
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
