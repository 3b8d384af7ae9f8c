package org.offloadkit.fuzz;

import java.nio.charset.StandardCharsets;

import org.offloadkit.framework.keywords.KeywordReport;

/**
 * Any INF a vendor hands the kit: it reads to keywords and findings, never an exception. The bytes are
 * taken one character each (ISO 8859-1), so every character a decoder can give below U+0100 is reached.
 */
public final class InfFuzz {
    private InfFuzz() {}

    public static void fuzzerTestOneInput(byte[] inf) {
        KeywordReport report = KeywordReport.read("fuzz.inf", new String(inf, StandardCharsets.ISO_8859_1), null, null);
        report.findings().forEach(finding -> BadInput.requireClear(finding.message()));
    }
}
