package org.offloadkit.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.offloadkit.pcap.PcapRecord;
import org.offloadkit.reference.GsoSegmenter;
import org.offloadkit.spec.LargeSend;
import org.offloadkit.spec.LargeSend.Flavor;

/**
 * The segmentation corpus: {@code pcaps/gso/{lso,uso}.pcap}, one large send a packet, with their manifests
 * {@code fixtures/gso/{lso,uso}.json}, which say what the stack asked of each.
 */
public record GsoCorpus(long seed, List<GsoVector> lso, List<GsoVector> uso) {

    public static final String LSO_PCAP = "pcaps/gso/lso.pcap";
    public static final String USO_PCAP = "pcaps/gso/uso.pcap";
    public static final String LSO_MANIFEST = "fixtures/gso/lso.json";
    public static final String USO_MANIFEST = "fixtures/gso/uso.json";
    static final String GENERATOR = GsoCorpusGenerator.class.getName();

    record Entry(String id, String name, int packet, Flavor flavor, int mss, int payload, List<String> tags) {}

    record Manifest(String corpus, String generator, long seed, String pcap, List<Entry> vectors) {}

    public GsoCorpus {
        lso = List.copyOf(lso);
        uso = List.copyOf(uso);
    }

    public static GsoCorpus generate() {
        return GsoCorpusGenerator.generate(GsoCorpusGenerator.DEFAULT_SEED);
    }

    /** Every vector, LSO first. */
    public List<GsoVector> all() {
        List<GsoVector> all = new ArrayList<>(lso);
        all.addAll(uso);
        return all;
    }

    /** Writes the pcaps and manifests under {@code root}, where {@code pcaps/} and {@code fixtures/} live. */
    public void write(Path root) {
        write(root, "gso-lso", LSO_PCAP, LSO_MANIFEST, lso);
        write(root, "gso-uso", USO_PCAP, USO_MANIFEST, uso);
    }

    private void write(Path root, String corpus, String pcap, String manifest, List<GsoVector> vectors) {
        Corpora.writePcap(root.resolve(pcap), vectors.stream().map(GsoVector::frame).toList());
        Corpora.writeJson(root.resolve(manifest), new Manifest(corpus, GENERATOR, seed, pcap, vectors.stream()
                .map(v -> new Entry(v.id(), v.name(), v.packet(), v.send().flavor(), v.send().mss(), v.payloadLength(),
                        v.tags().stream().sorted().toList()))
                .toList()));
    }

    /** The corpus shipped in the kit's jar. */
    public static GsoCorpus load() {
        return load(Corpora::fromClassPath);
    }

    /** The seed of the corpus shipped in the kit's jar, read from its manifest alone. */
    public static long shippedSeed() {
        return Corpora.readJson(Corpora.fromClassPath(LSO_MANIFEST), Manifest.class).seed();
    }

    /** The corpus under a checkout's root. */
    public static GsoCorpus load(Path root) {
        return load(root::resolve);
    }

    private static GsoCorpus load(Function<String, Path> locate) {
        Manifest lso = Corpora.readJson(locate.apply(LSO_MANIFEST), Manifest.class);
        Manifest uso = Corpora.readJson(locate.apply(USO_MANIFEST), Manifest.class);
        return new GsoCorpus(lso.seed(), vectors(lso, locate), vectors(uso, locate));
    }

    private static List<GsoVector> vectors(Manifest manifest, Function<String, Path> locate) {
        List<PcapRecord> frames = Corpora.readPcap(locate.apply(manifest.pcap()));
        List<GsoVector> vectors = new ArrayList<>();
        for (Entry e : manifest.vectors()) {
            byte[] frame = Corpora.packet(frames, e.packet(), manifest.pcap());
            vectors.add(new GsoVector(e.id(), e.name(), e.packet(), frame,
                    GsoSegmenter.parseTemplate(frame, e.flavor()).layout(), new LargeSend(e.flavor(), e.mss()), Set.copyOf(e.tags())));
        }
        return vectors;
    }
}
