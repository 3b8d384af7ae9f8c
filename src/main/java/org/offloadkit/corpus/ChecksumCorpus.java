package org.offloadkit.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.Layer3Type;
import org.offloadkit.pcap.PcapRecord;
import org.offloadkit.spec.RxChecksum;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.TxChecksum;
import org.offloadkit.spec.TxChecksumAction;

/**
 * The checksum corpus: {@code pcaps/checksum/{tx,rx}.pcap} with their manifests
 * {@code fixtures/checksum/{tx,rx}.json}, which say what the stack asked for each packet and what each
 * received frame was built to be.
 */
public record ChecksumCorpus(long seed, List<TxChecksumVector> tx, List<RxChecksumVector> rx) {

    public static final String TX_PCAP = "pcaps/checksum/tx.pcap";
    public static final String RX_PCAP = "pcaps/checksum/rx.pcap";
    public static final String TX_MANIFEST = "fixtures/checksum/tx.json";
    public static final String RX_MANIFEST = "fixtures/checksum/rx.json";
    static final String GENERATOR = ChecksumCorpusGenerator.class.getName();

    record TxEntry(String id, String name, int packet, TxChecksumAction layer3, TxChecksumAction layer4,
                   Layer3Type declaredLayer3, List<String> tags) {}

    record RxEntry(String id, String name, int packet, RxChecksumEvaluation layer3, RxChecksumEvaluation layer4,
                   List<String> tags) {}

    record TxManifest(String corpus, String generator, long seed, String pcap, List<TxEntry> vectors) {}

    record RxManifest(String corpus, String generator, long seed, String pcap, List<RxEntry> vectors) {}

    public ChecksumCorpus {
        tx = List.copyOf(tx);
        rx = List.copyOf(rx);
    }

    public static ChecksumCorpus generate() {
        return ChecksumCorpusGenerator.generate(ChecksumCorpusGenerator.DEFAULT_SEED);
    }

    /** Writes the pcaps and manifests under {@code root}, where {@code pcaps/} and {@code fixtures/} live. */
    public void write(Path root) {
        Corpora.writePcap(root.resolve(TX_PCAP), tx.stream().map(TxChecksumVector::frame).toList());
        Corpora.writePcap(root.resolve(RX_PCAP), rx.stream().map(RxChecksumVector::frame).toList());
        Corpora.writeJson(root.resolve(TX_MANIFEST), new TxManifest("checksum-tx", GENERATOR, seed, TX_PCAP,
                tx.stream().map(v -> new TxEntry(v.id(), v.name(), v.packet(), v.request().layer3(), v.request().layer4(),
                        v.layout().layer3Type(), sorted(v.tags()))).toList()));
        Corpora.writeJson(root.resolve(RX_MANIFEST), new RxManifest("checksum-rx", GENERATOR, seed, RX_PCAP,
                rx.stream().map(v -> new RxEntry(v.id(), v.name(), v.packet(), v.intended().layer3(), v.intended().layer4(),
                        sorted(v.tags()))).toList()));
    }

    /** The corpus shipped in the kit's jar. */
    public static ChecksumCorpus load() {
        return load(Corpora::fromClassPath);
    }

    /** The corpus under a checkout's root. */
    public static ChecksumCorpus load(Path root) {
        return load(root::resolve);
    }

    private static ChecksumCorpus load(Function<String, Path> locate) {
        TxManifest txManifest = Corpora.readJson(locate.apply(TX_MANIFEST), TxManifest.class);
        RxManifest rxManifest = Corpora.readJson(locate.apply(RX_MANIFEST), RxManifest.class);
        List<PcapRecord> txFrames = Corpora.readPcap(locate.apply(txManifest.pcap()));
        List<PcapRecord> rxFrames = Corpora.readPcap(locate.apply(rxManifest.pcap()));
        List<TxChecksumVector> tx = new ArrayList<>();
        for (TxEntry e : txManifest.vectors()) {
            byte[] frame = Corpora.packet(txFrames, e.packet(), txManifest.pcap());
            var layout = FrameParser.parse(frame).layout().withLayer3Type(e.declaredLayer3());
            tx.add(new TxChecksumVector(e.id(), e.name(), e.packet(), frame, layout, new TxChecksum(e.layer3(), e.layer4()),
                    java.util.Set.copyOf(e.tags())));
        }
        List<RxChecksumVector> rx = new ArrayList<>();
        for (RxEntry e : rxManifest.vectors()) {
            rx.add(new RxChecksumVector(e.id(), e.name(), e.packet(), Corpora.packet(rxFrames, e.packet(), rxManifest.pcap()),
                    new RxChecksum(e.layer3(), e.layer4()), java.util.Set.copyOf(e.tags())));
        }
        return new ChecksumCorpus(txManifest.seed(), tx, rx);
    }

    private static List<String> sorted(java.util.Set<String> tags) {
        return tags.stream().sorted().collect(Collectors.toList());
    }

    /** Vectors by id, for lookups from tests. */
    public Map<String, TxChecksumVector> txById() {
        return tx.stream().collect(Collectors.toMap(TxChecksumVector::id, v -> v));
    }
}
