package org.offloadkit.framework.keywords;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.keywords.RegistryValue.Type;
import org.testng.annotations.Test;

/** Registry values as regedit exports them, and in the YAML form; and which source wins. */
public class RegistrySettingsTest {

    @Test
    public void aUtf16RegeditExportReadsWithItsTypes() {
        RegistrySettings reg = RegistrySettings.parse("adapter.reg", Fixtures.bytes("registry/adapter.reg"));
        assertEquals(reg.findings(), List.of());
        assertEquals(reg.values().get("*ipchecksumoffloadipv4"), new RegistryValue("3", Type.REG_SZ, "adapter.reg:6"));
        assertEquals(reg.values().get("*tcpchecksumoffloadipv4"), new RegistryValue("1", Type.REG_DWORD, "adapter.reg:7"));
        assertEquals(reg.values().get("*udpchecksumoffloadipv4").type(), Type.OTHER);
        assertEquals(reg.spelling("*lsov2ipv4"), "*LsoV2IPv4");
    }

    @Test
    public void outOfRangeAndUnreadableValuesAreDeviationsThatSayWhatNetAdapterCxDoes() {
        RegistrySettings reg = RegistrySettings.parse("adapter.reg", Fixtures.bytes("registry/adapter.reg"));
        List<Finding> findings = KeywordSources.checkValues(reg);
        assertEquals(Fixtures.brief(findings), List.of("11 DEVIATION *RscIPv4", "12 DEVIATION *RscIPv6", "13 DEVIATION *UDPChecksumOffloadIPv4"));
        assertTrue(findings.get(0).message().contains("treats the keyword as enabled (KW-10)"), findings.get(0).message());
    }

    @Test
    public void yamlQuotedIsRegSzAndABareNumberRegDword() {
        RegistrySettings yaml = RegistrySettings.parse("adapter.yaml", Fixtures.bytes("registry/adapter.yaml"));
        assertEquals(yaml.findings(), List.of());
        assertEquals(yaml.values().get("*lsov2ipv6"), new RegistryValue("0", Type.REG_SZ, "adapter.yaml:5"));
        assertEquals(yaml.values().get("*tcpchecksumoffloadipv4"), new RegistryValue("1", Type.REG_DWORD, "adapter.yaml:4"));
    }

    @Test
    public void valuesARegistryCannotHoldAreErrorsWithTheirLines() {
        RegistrySettings yaml = RegistrySettings.parse("malformed.yaml", Fixtures.bytes("registry/malformed.yaml"));
        assertEquals(yaml.findings().stream().map(Finding::line).toList(), List.of(2, 3, 4));
        assertEquals(yaml.values().keySet(), java.util.Set.of("*rscipv6"), "the good value after the bad ones still counts");
    }

    @Test
    public void brokenFilesAreErrorsNotExceptions() {
        assertEquals(RegistrySettings.parse("x.yaml", "\"*RscIPv4\": \"1\n".getBytes(StandardCharsets.UTF_8)).findings().size(), 1);
        assertEquals(RegistrySettings.parse("x.reg", "not an export\n".getBytes(StandardCharsets.UTF_8)).findings().size(), 1);
        RegistrySettings reg = RegistrySettings.parse("x.reg",
                "REGEDIT4\n[HKEY_X]\n\"*LsoV2IPv4\"=dword:zz\n\"*RscIPv4\"=\"1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(reg.findings().stream().map(Finding::line).toList(), List.of(3, 4));
    }

    @Test
    public void theRegistryWinsOverTheInfDefault() {
        KeywordReport report = KeywordReport.read("standard.inf", Fixtures.text("inf/standard.inf"),
                "adapter.yaml", Fixtures.bytes("registry/adapter.yaml"));
        Keywords k = report.keywords();
        assertEquals(k.raw("*LsoV2IPv6").orElseThrow().source(), "adapter.yaml:5");
        assertEquals(k.value("*LsoV2IPv6"), java.util.Optional.of(0));
        assertEquals(k.raw("*LsoV1IPv4").orElseThrow().source(), "standard.inf:64 Default");
    }
}
