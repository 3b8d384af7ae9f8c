package org.offloadkit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.offloadkit.corpus.ChecksumCorpus;
import org.offloadkit.corpus.ChecksumCorpusGenerator;
import org.offloadkit.corpus.GsoCorpus;
import org.offloadkit.corpus.GsoCorpusGenerator;
import org.offloadkit.corpus.RscCorpus;
import org.offloadkit.corpus.RscCorpusGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Regenerate the fixture corpus (pcaps/ and fixtures/) from its seed.")
final class CorpusCommand implements Callable<Integer> {

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "Folder that holds pcaps/ and fixtures/ (default: the current folder).")
    Path root;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the generators (default: each corpus's own).")
    Long seed;

    @Override
    public Integer call() {
        long s = seed == null ? ChecksumCorpusGenerator.DEFAULT_SEED : seed;
        ChecksumCorpus corpus = ChecksumCorpusGenerator.generate(s);
        corpus.write(root);
        System.out.printf("checksum corpus (seed 0x%x): %d transmit and %d receive vectors under %s%n",
                s, corpus.tx().size(), corpus.rx().size(), root.toAbsolutePath().normalize());
        long gsoSeed = seed == null ? GsoCorpusGenerator.DEFAULT_SEED : seed;
        GsoCorpus gso = GsoCorpusGenerator.generate(gsoSeed);
        gso.write(root);
        System.out.printf("segmentation corpus (seed 0x%x): %d LSO and %d USO sends under %s%n",
                gsoSeed, gso.lso().size(), gso.uso().size(), root.toAbsolutePath().normalize());
        long r = seed == null ? RscCorpusGenerator.DEFAULT_SEED : seed;
        RscCorpus rsc = RscCorpusGenerator.generate(r);
        rsc.write(root);
        System.out.printf("coalescing corpus (seed 0x%x): %d cases under %s%n", r, rsc.cases().size(),
                root.toAbsolutePath().normalize());
        return OffloadKit.OK;
    }
}
