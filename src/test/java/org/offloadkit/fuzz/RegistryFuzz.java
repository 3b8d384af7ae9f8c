package org.offloadkit.fuzz;

import org.offloadkit.framework.keywords.KeywordReport;

/** Any registry settings a vendor hands the kit, as a .reg export or YAML: keywords and findings, never an exception. */
public final class RegistryFuzz {
    private RegistryFuzz() {}

    public static void fuzzerTestOneInput(byte[] settings) {
        for (String name : new String[] {"fuzz.reg", "fuzz.yaml"}) {
            KeywordReport report = KeywordReport.read(null, null, name, settings);
            report.findings().forEach(finding -> BadInput.requireClear(finding.message()));
        }
    }
}
