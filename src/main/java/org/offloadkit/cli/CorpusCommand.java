package org.offloadkit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.offloadkit.corpus.ChecksumCorpus;
import org.offloadkit.corpus.ChecksumCorpusGenerator;
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

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the checksum corpus's generator (default: its own).")
    Long seed;

    @Option(names = "--rsc-seed", paramLabel = "N", description = "Seed for the coalescing corpus's generator (default: its own).")
    Long rscSeed;

    @Override
    public Integer call() {
        long s = seed == null ? ChecksumCorpusGenerator.DEFAULT_SEED : seed;
        ChecksumCorpus corpus = ChecksumCorpusGenerator.generate(s);
        corpus.write(root);
        System.out.printf("checksum corpus (seed 0x%x): %d transmit and %d receive vectors under %s%n",
                s, corpus.tx().size(), corpus.rx().size(), root.toAbsolutePath().normalize());
        long r = rscSeed == null ? RscCorpusGenerator.DEFAULT_SEED : rscSeed;
        RscCorpus rsc = RscCorpusGenerator.generate(r);
        rsc.write(root);
        System.out.printf("coalescing corpus (seed 0x%x): %d cases under %s%n", r, rsc.cases().size(),
                root.toAbsolutePath().normalize());
        return OffloadKit.OK;
    }
}
