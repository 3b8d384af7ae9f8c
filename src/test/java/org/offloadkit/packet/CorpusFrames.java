package org.offloadkit.packet;

import java.util.ArrayList;
import java.util.List;

import org.offloadkit.corpus.ChecksumCorpus;

/** The checksum corpus's frames, transmit and receive, as realistic input of every shape. */
public final class CorpusFrames {

    /** A corpus frame and the vector it comes from, such as "rx-042 vlan-ipv6-hbh-udp". */
    public record CorpusFrame(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<CorpusFrame> all;

    private CorpusFrames() {}

    public static synchronized List<CorpusFrame> all() {
        if (all == null) {
            ChecksumCorpus corpus = ChecksumCorpus.generate();
            List<CorpusFrame> frames = new ArrayList<>();
            corpus.tx().forEach(v -> frames.add(new CorpusFrame(v.id() + " " + v.name(), v.frame())));
            corpus.rx().forEach(v -> frames.add(new CorpusFrame(v.id() + " " + v.name(), v.frame())));
            all = List.copyOf(frames);
        }
        return all;
    }

    /** One data-provider row per frame, so each frame is its own result. */
    public static Object[][] rows() {
        return all().stream().map(frame -> new Object[] {frame}).toArray(Object[][]::new);
    }
}
