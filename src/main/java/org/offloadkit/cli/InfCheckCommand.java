package org.offloadkit.cli;

import java.util.concurrent.Callable;

import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.keywords.Finding;
import org.offloadkit.framework.keywords.Finding.Severity;
import org.offloadkit.framework.keywords.KeywordReport;
import org.offloadkit.spec.StandardKeyword;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "inf-check", mixinStandardHelpOptions = true,
        description = {"Check an INF's offload keywords (and registry values) against the standardized keyword table,",
                "and show the keywords NetAdapterCx would read."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no deviation", "1:deviations from the standardized keywords", "2:a file cannot be read as written, or a usage error"})
final class InfCheckCommand implements Callable<Integer> {

    @Mixin
    KeywordFiles files = new KeywordFiles();

    @Override
    public Integer call() {
        if (!files.given()) {
            throw new SetupException("give --inf FILE, --registry FILE or both");
        }
        KeywordReport report = files.read();
        for (Finding finding : report.findings()) {
            System.out.println(finding);
        }
        System.out.println();
        System.out.println("Offload keywords NetAdapterCx reads:");
        Keywords keywords = report.keywords();
        for (StandardKeyword k : StandardKeyword.values()) {
            if (k.readByNetAdapterCx) {
                System.out.printf("  %-26s %s%n", k.keyword, keywords.raw(k.keyword)
                        .map(v -> String.format("%-6s %s", v.text(), v.source())).orElse("-      not present"));
            }
        }
        long errors = report.count(Severity.ERROR);
        long deviations = report.count(Severity.DEVIATION);
        System.out.printf("%n%d errors, %d deviations, %d notes%n", errors, deviations, report.count(Severity.NOTE));
        if (errors > 0) {
            return OffloadKit.USAGE;
        }
        return deviations > 0 ? OffloadKit.FAILED : OffloadKit.OK;
    }
}
