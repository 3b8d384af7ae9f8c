package org.offloadkit.framework.keywords;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;

import org.offloadkit.framework.keywords.Finding.Severity;
import org.testng.annotations.Test;

/**
 * The fixture INFs against the standardized keyword table. Each fixture line that breaks a rule says so in
 * a comment above it; the expectations below are those comments, line by line.
 */
public class KeywordCheckTest {

    @Test
    public void aStandardInfHasNoDeviation() {
        KeywordReport report = Fixtures.inf("standard.inf");
        assertEquals(report.count(Severity.ERROR), 0, report.findings().toString());
        assertEquals(report.count(Severity.DEVIATION), 0, report.findings().toString());
        assertEquals(Fixtures.brief(report.findings()), List.of("81 NOTE *UsoIPv4", "87 NOTE *UsoIPv6"),
                "only the USO default the documents leave open");
        assertEquals(report.keywords().value("*tcpchecksumoffloadipv6"), java.util.Optional.of(3), "names are case-insensitive");
        assertEquals(report.keywords().raw("*RscIPv6").orElseThrow().source(), "standard.inf:101 Default");
    }

    @Test
    public void everyDeviationIsFoundOnItsLine() {
        KeywordReport report = Fixtures.inf("deviations.inf");
        assertEquals(Fixtures.brief(report.findings().stream().filter(f -> f.severity() == Severity.DEVIATION).toList()), List.of(
                "24 DEVIATION *IPChecksumOffloadIPv4",   // Default 0
                "34 DEVIATION *TCPChecksumOffloadIPv4",  // lacks 2
                "37 DEVIATION *TCPChecksumOffloadIPv4",  // adds 4
                "40 DEVIATION *TCPChecksumOffloadIPv6",  // REG_DWORD Default
                "57 DEVIATION *LsoV2IPv4",               // no ParamDesc
                "64 DEVIATION *LsoV2IPv6",               // type int
                "80 DEVIATION *RscIPv4"));               // value 5
        assertTrue(message(report, 24).endsWith("Default 0; standard: 3"), message(report, 24));
        assertTrue(message(report, 34).contains("enum lacks [2]"), message(report, 34));
        assertTrue(message(report, 64).contains("type int; standard: enum"), message(report, 64));
    }

    @Test
    public void notesSayWhatTheDocumentsLeaveOpenAndWhatNetAdapterCxIgnores() {
        KeywordReport report = Fixtures.inf("deviations.inf");
        List<Finding> notes = report.findings().stream().filter(f -> f.severity() == Severity.NOTE).toList();
        assertTrue(notes.stream().anyMatch(f -> f.line() == 47 && f.message().contains("KW-09")), notes.toString());
        assertTrue(notes.stream().anyMatch(f -> f.line() == 57 && f.message().contains("spelled *LSOv2IPv4")), notes.toString());
        assertTrue(notes.stream().anyMatch(f -> f.line() == 74 && f.message().contains("not a standardized offload keyword")), notes.toString());
        assertTrue(notes.stream().anyMatch(f -> f.line() == 84 && f.message().contains("no AddReg reaches it")), notes.toString());
        assertTrue(notes.stream().anyMatch(f -> f.line() == 0 && f.message().startsWith("RSC keywords [*RscIPv4] present, [*RscIPv6] missing")),
                notes.toString());
    }

    @Test
    public void aMalformedInfGivesAnErrorPerLineAndNoException() {
        KeywordReport report = Fixtures.inf("malformed.inf");
        List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertEquals(errors.stream().map(Finding::line).toList(), List.of(2, 7, 8, 11, 14, 15, 16, 17, 18), errors.toString());
        assertTrue(errors.stream().allMatch(f -> f.file().equals("malformed.inf")));
        assertTrue(errors.get(3).message().contains("[Missing.Params]"), errors.get(3).toString());
        assertTrue(errors.get(5).message().contains("%NoSuchString%"), errors.get(5).toString());
    }

    @Test
    public void withoutAFamilysKeywordsItIsNotExposed() {
        String inf = """
                [Install]
                AddReg = P
                [P]
                HKR, Ndi\\Params\\*LsoV2IPv4, ParamDesc, 0, "LSO"
                HKR, Ndi\\Params\\*LsoV2IPv4, Default, 0, "1"
                HKR, Ndi\\Params\\*LsoV2IPv4, type, 0, "enum"
                HKR, Ndi\\Params\\*LsoV2IPv4\\enum, "0", 0, "Disabled"
                HKR, Ndi\\Params\\*LsoV2IPv4\\enum, "1", 0, "Enabled"
                """;
        KeywordReport report = KeywordReport.read("lso-only.inf", inf, null, null);
        assertTrue(report.findings().stream().anyMatch(f -> f.message().startsWith("no RSC keyword") && f.message().contains("KW-01")),
                report.findings().toString());
        assertEquals(report.keywords().asMap(), java.util.Map.of("*LsoV2IPv4", "1"));
    }

    private static String message(KeywordReport report, int line) {
        return report.findings().stream().filter(f -> f.line() == line && f.severity() == Severity.DEVIATION)
                .findFirst().orElseThrow().message();
    }
}
