package org.offloadkit.framework.keywords;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;

import org.testng.annotations.Test;

/** How an INF reads: sections, fields, quotes, comments, continuations and strings. */
public class InfFileTest {

    private static InfFile.Entry only(InfFile inf, String section) {
        assertEquals(inf.section(section).size(), 1, inf.section(section).toString());
        return inf.section(section).get(0);
    }

    @Test
    public void aKeyedLineSplitsAtTheFirstEqualsSign() {
        InfFile inf = InfFile.parse("t.inf", "[Install]\nAddReg = A, B ; two sections\n");
        InfFile.Entry e = only(inf, "install");
        assertEquals(e.key(), "AddReg");
        assertEquals(e.fields(), List.of("A", "B"));
        assertEquals(e.line(), 2);
    }

    @Test
    public void quotesKeepCommasSemicolonsAndDoubledQuotes() {
        InfFile inf = InfFile.parse("t.inf", "[R]\nHKR, Ndi, Name, 0, \"a, b; \"\"c\"\"\"\n");
        assertEquals(only(inf, "R").fields(), List.of("HKR", "Ndi", "Name", "0", "a, b; \"c\""));
        assertEquals(inf.findings(), List.of());
    }

    @Test
    public void aTrailingBackslashJoinsTheNextLine() {
        InfFile inf = InfFile.parse("t.inf", "[Install]\nAddReg = A, \\\n   B\n");
        assertEquals(only(inf, "Install").fields(), List.of("A", "B"));
    }

    @Test
    public void repeatedSectionsAreOneAndNamesIgnoreCase() {
        InfFile inf = InfFile.parse("t.inf", "[P]\nHKR,,A,0,\"1\"\n[Other]\n[p]\nHKR,,B,0,\"2\"\n");
        assertEquals(inf.section("P").size(), 2);
    }

    @Test
    public void stringsSubstituteCaseInsensitivelyAndLocalizedSectionsFillGaps() {
        InfFile inf = InfFile.parse("t.inf", "[Strings]\nName = \"Checksum\"\n[Strings.0409]\nOther = \"Other\"\n");
        assertEquals(inf.substitute("%NAME% and %other% at %12%, 100%%", 1), "Checksum and Other at %12%, 100%");
        assertEquals(inf.findings(), List.of());
    }

    @Test
    public void anUndefinedStringIsReportedAndKept() {
        InfFile inf = InfFile.parse("t.inf", "[Strings]\n");
        assertEquals(inf.substitute("%Missing%", 7), "%Missing%");
        assertEquals(inf.findings().size(), 1);
        assertEquals(inf.findings().get(0).line(), 7);
    }

    @Test
    public void crlfAndUnterminatedQuotesAreHandled() {
        InfFile inf = InfFile.parse("t.inf", "[A]\r\nKey = \"open\r\nNext = 1\r\n");
        assertEquals(inf.section("A").size(), 2);
        assertTrue(inf.findings().get(0).message().contains("not closed"), inf.findings().toString());
        assertEquals(inf.findings().get(0).line(), 2);
    }
}
