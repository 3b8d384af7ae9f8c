package org.offloadkit.framework.keywords;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.offloadkit.framework.keywords.Finding.Severity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The values of an adapter's instance key, as a registry export (.reg, as regedit writes it, UTF-16 or
 * not) or a small YAML map (a quoted value is REG_SZ, a bare number REG_DWORD).
 */
public final class RegistrySettings {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String name;
    private final Map<String, RegistryValue> values = new LinkedHashMap<>();
    private final Map<String, String> spellings = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    private RegistrySettings(String name) {
        this.name = name;
    }

    /** A .reg export when it starts like one, the YAML form otherwise. */
    public static RegistrySettings parse(String name, byte[] content) {
        RegistrySettings settings = new RegistrySettings(name);
        String text = decode(content);
        String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (first.equals("Windows Registry Editor Version 5.00") || first.equals("REGEDIT4")) {
            settings.readRegExport(text);
        } else if (name.toLowerCase(Locale.ROOT).endsWith(".reg")) {
            settings.report(1, "a .reg export starts with 'Windows Registry Editor Version 5.00' or 'REGEDIT4'");
        } else {
            settings.readYaml(text);
        }
        return settings;
    }

    public String name() {
        return name;
    }

    /** Values by lower-case name (registry names are case-insensitive). */
    public Map<String, RegistryValue> values() {
        return values;
    }

    /** The name as the file spells it. */
    public String spelling(String lowerCaseName) {
        return spellings.get(lowerCaseName);
    }

    public List<Finding> findings() {
        return findings;
    }

    private static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        return new String(b, Charset.forName("UTF-8"));
    }

    private void put(String valueName, RegistryValue value) {
        values.put(valueName.toLowerCase(Locale.ROOT), value);
        spellings.put(valueName.toLowerCase(Locale.ROOT), valueName);
    }

    private void report(int line, String message) {
        findings.add(new Finding(name, line, Severity.ERROR, null, message));
    }

    // ---------------------------------------------------------------- .reg

    private void readRegExport(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int keys = 0;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            while (line.endsWith("\\") && i + 1 < lines.length) {
                line = line.substring(0, line.length() - 1) + lines[++i].strip();
            }
            if (line.isEmpty() || line.startsWith(";") || i == 0 && (line.startsWith("Windows Registry") || line.equals("REGEDIT4"))) {
                continue;
            }
            if (line.startsWith("[")) {
                keys++;
                continue;
            }
            if (line.startsWith("@=")) {
                continue;
            }
            if (!line.startsWith("\"")) {
                report(number, "not a value line: " + line);
                continue;
            }
            int nameEnd = closingQuote(line, 1);
            if (nameEnd < 0 || nameEnd + 1 >= line.length() || line.charAt(nameEnd + 1) != '=') {
                report(number, "a value line is \"name\"=value: " + line);
                continue;
            }
            String valueName = unescape(line.substring(1, nameEnd));
            String data = line.substring(nameEnd + 2).strip();
            String source = name + ":" + number;
            if (data.equals("-")) {
                continue;
            }
            if (data.startsWith("\"")) {
                int end = closingQuote(data, 1);
                if (end != data.length() - 1) {
                    report(number, "the string value of " + valueName + " is not closed");
                    continue;
                }
                put(valueName, new RegistryValue(unescape(data.substring(1, end)), RegistryValue.Type.REG_SZ, source));
            } else if (data.toLowerCase(Locale.ROOT).startsWith("dword:")) {
                try {
                    long dword = Long.parseLong(data.substring(6), 16);
                    if (dword > 0xFFFFFFFFL) {
                        throw new NumberFormatException();
                    }
                    put(valueName, new RegistryValue(Long.toString(dword), RegistryValue.Type.REG_DWORD, source));
                } catch (NumberFormatException e) {
                    report(number, "dword value of " + valueName + " is not 8 hex digits: " + data);
                }
            } else if (data.toLowerCase(Locale.ROOT).startsWith("hex")) {
                put(valueName, new RegistryValue(data, RegistryValue.Type.OTHER, source));
            } else {
                report(number, "unknown value form for " + valueName + ": " + data);
            }
        }
        if (keys > 1) {
            findings.add(new Finding(name, 0, Severity.NOTE, null, keys + " keys in the export: their values are read as one adapter's"));
        }
    }

    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    // ---------------------------------------------------------------- YAML

    private void readYaml(String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                report(parser.currentLocation().getLineNr(), "the settings are a map of value name to value");
                return;
            }
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String valueName = parser.currentName();
                int line = parser.currentLocation().getLineNr();
                JsonToken value = parser.nextToken();
                String source = name + ":" + line;
                if (value == JsonToken.VALUE_STRING) {
                    put(valueName, new RegistryValue(parser.getText(), RegistryValue.Type.REG_SZ, source));
                } else if (value == JsonToken.VALUE_NUMBER_INT && parser.getLongValue() >= 0 && parser.getLongValue() <= 0xFFFFFFFFL) {
                    put(valueName, new RegistryValue(Long.toString(parser.getLongValue()), RegistryValue.Type.REG_DWORD, source));
                } else {
                    report(line, valueName + ": a value is a quoted string (REG_SZ) or a number from 0 to 4294967295 (REG_DWORD), not "
                            + parser.getText());
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            report(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            report(0, "cannot read: " + e.getMessage());
        }
    }
}
