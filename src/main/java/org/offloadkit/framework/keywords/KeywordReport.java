package org.offloadkit.framework.keywords;

import java.util.ArrayList;
import java.util.List;

import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.keywords.Finding.Severity;

/**
 * An INF and registry settings read together: the keywords the adapter ends up with, and every finding
 * about them, malformed lines first.
 */
public record KeywordReport(Keywords keywords, List<Finding> findings) {

    /** Reads what is given; either may be null, and with neither the standard defaults apply. */
    public static KeywordReport read(String infName, String infText, String registryName, byte[] registryContent) {
        List<Finding> findings = new ArrayList<>();
        InfKeywords inf = null;
        if (infText != null) {
            InfFile file = InfFile.parse(infName, infText);
            inf = InfKeywords.read(file);
            List<Finding> checked = KeywordCheck.check(inf);
            findings.addAll(file.findings());
            findings.addAll(checked);
        }
        RegistrySettings registry = null;
        if (registryContent != null) {
            registry = RegistrySettings.parse(registryName, registryContent);
            findings.addAll(registry.findings());
            findings.addAll(KeywordSources.checkValues(registry));
        }
        Keywords keywords = inf == null && registry == null ? Keywords.standardDefaults() : KeywordSources.combine(inf, registry);
        findings.sort(java.util.Comparator.comparing(Finding::severity).thenComparing(Finding::file).thenComparingInt(Finding::line));
        return new KeywordReport(keywords, List.copyOf(findings));
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
