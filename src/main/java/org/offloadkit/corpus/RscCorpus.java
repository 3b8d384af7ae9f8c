package org.offloadkit.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.offloadkit.pcap.PcapRecord;

/**
 * The coalescing corpus: one pcap a case under {@code pcaps/rsc/}, and the manifest
 * {@code fixtures/rsc/cases.json}, which splits each pcap into its receive batches and says what the case
 * shows and which requirements judge it.
 */
public record RscCorpus(long seed, List<RscCase> cases) {

    public static final String MANIFEST = "fixtures/rsc/cases.json";
    static final String PCAPS = "pcaps/rsc/";
    static final String GENERATOR = RscCorpusGenerator.class.getName();

    /**
     * @param batches the number of frames in each receive batch, in pcap order
     */
    record Entry(String id, String name, String idea, String pcap, List<Integer> batches, List<String> requirements,
                 List<String> intended) {}

    record Manifest(String corpus, String generator, long seed, List<Entry> cases) {}

    public RscCorpus {
        cases = List.copyOf(cases);
    }

    /** The case of that name (a pcap's name under {@code pcaps/rsc/}). */
    public RscCase byName(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coalescing case named " + name));
    }

    public static RscCorpus generate() {
        return RscCorpusGenerator.generate(RscCorpusGenerator.DEFAULT_SEED);
    }

    public static String pcapOf(RscCase c) {
        return PCAPS + c.name() + ".pcap";
    }

    /** Writes the pcaps and the manifest under {@code root}, where {@code pcaps/} and {@code fixtures/} live. */
    public void write(Path root) {
        List<Entry> entries = new ArrayList<>();
        for (RscCase c : cases) {
            Corpora.writePcap(root.resolve(pcapOf(c)), c.frames());
            entries.add(new Entry(c.id(), c.name(), c.idea(), pcapOf(c), c.batches().stream().map(List::size).toList(),
                    c.requirements(), c.intended()));
        }
        Corpora.writeJson(root.resolve(MANIFEST), new Manifest("rsc", GENERATOR, seed, entries));
    }

    /** The corpus shipped in the kit's jar. */
    public static RscCorpus load() {
        return load(Corpora::fromClassPath);
    }

    /** The seed of the corpus shipped in the kit's jar, from its manifest alone. */
    public static long shippedSeed() {
        return Corpora.readJson(Corpora.fromClassPath(MANIFEST), Manifest.class).seed();
    }

    /** The corpus under a checkout's root. */
    public static RscCorpus load(Path root) {
        return load(root::resolve);
    }

    private static RscCorpus load(Function<String, Path> locate) {
        Manifest manifest = Corpora.readJson(locate.apply(MANIFEST), Manifest.class);
        List<RscCase> cases = new ArrayList<>();
        for (Entry e : manifest.cases()) {
            List<PcapRecord> records = Corpora.readPcap(locate.apply(e.pcap()));
            int total = e.batches().stream().mapToInt(Integer::intValue).sum();
            if (total != records.size()) {
                throw new IllegalStateException(e.pcap() + " has " + records.size() + " packets; the manifest's batches hold " + total);
            }
            List<List<byte[]>> batches = new ArrayList<>();
            int next = 0;
            for (int size : e.batches()) {
                batches.add(records.subList(next, next + size).stream().map(PcapRecord::data).toList());
                next += size;
            }
            cases.add(new RscCase(e.id(), e.name(), e.idea(), batches, e.requirements(), e.intended()));
        }
        return new RscCorpus(manifest.seed(), cases);
    }
}
