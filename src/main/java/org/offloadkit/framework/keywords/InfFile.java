package org.offloadkit.framework.keywords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.offloadkit.framework.keywords.Finding.Severity;

/**
 * An INF file read the way SetupAPI reads it: sections, entries of comma-separated fields (quoted or
 * not, {@code ""} for a quote inside quotes), {@code ;} comments, {@code \} line continuations, and
 * {@code %token%} strings from [Strings]. Whatever cannot be read becomes a {@link Finding} with its line.
 */
public final class InfFile {

    /**
     * One line of a section.
     *
     * @param line   where it starts
     * @param key    the part before {@code =}, or null for a line that is only fields
     * @param fields the fields after {@code =} (or of the whole line), unquoted, strings not yet substituted
     */
    public record Entry(int line, String key, List<String> fields) {}

    private final String name;
    private final Map<String, List<Entry>> sections = new LinkedHashMap<>();
    private final Map<String, String> sectionNames = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> strings = new LinkedHashMap<>();

    private InfFile(String name) {
        this.name = name;
    }

    public static InfFile parse(String name, String text) {
        InfFile inf = new InfFile(name);
        inf.read(text);
        inf.collectStrings();
        return inf;
    }

    public String name() {
        return name;
    }

    public List<Finding> findings() {
        return findings;
    }

    public boolean hasSection(String section) {
        return sections.containsKey(section.toLowerCase(Locale.ROOT));
    }

    /** The entries of a section (case-insensitive; repeated sections are one), empty when there is none. */
    public List<Entry> section(String section) {
        return sections.getOrDefault(section.toLowerCase(Locale.ROOT), List.of());
    }

    public List<String> sectionNames() {
        return List.copyOf(sectionNames.values());
    }

    void report(int line, Severity severity, String keyword, String message) {
        findings.add(new Finding(name, line, severity, keyword, message));
    }

    /**
     * The field with {@code %token%} replaced from [Strings] ({@code %%} is a percent sign; a numeric token
     * is a directory id and stays). An undefined token is reported and left as it is.
     */
    public String substitute(String field, int line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            int close = c == '%' ? field.indexOf('%', i + 1) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            String token = field.substring(i + 1, close);
            if (token.isEmpty()) {
                out.append('%');
            } else if (token.chars().allMatch(Character::isDigit)) {
                out.append('%').append(token).append('%');
            } else {
                Optional<String> value = Optional.ofNullable(strings.get(token.toLowerCase(Locale.ROOT)));
                if (value.isEmpty()) {
                    report(line, Severity.ERROR, null, "string token %" + token + "% is not defined in [Strings]");
                }
                out.append(value.orElse("%" + token + "%"));
            }
            i = close + 1;
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- reading

    private void read(String text) {
        List<Entry> current = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = i + 1;
            StringBuilder logical = new StringBuilder();
            String content = stripComment(lines[i], start);
            // A backslash ending a line joins the next one to it.
            while (content.stripTrailing().endsWith("\\") && i + 1 < lines.length) {
                String trimmed = content.stripTrailing();
                logical.append(trimmed, 0, trimmed.length() - 1);
                i++;
                content = stripComment(lines[i], i + 1);
            }
            logical.append(content);
            String line = logical.toString().strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    report(start, Severity.ERROR, null, "section header without ']': " + line);
                    current = null;
                    continue;
                }
                String section = line.substring(1, close).strip();
                sectionNames.putIfAbsent(section.toLowerCase(Locale.ROOT), section);
                current = sections.computeIfAbsent(section.toLowerCase(Locale.ROOT), s -> new ArrayList<>());
                continue;
            }
            if (current == null) {
                report(start, Severity.ERROR, null, "line outside any section: " + line);
                continue;
            }
            current.add(entry(start, line));
        }
    }

    /** The line without its comment; a quote left open is reported and closed at the end of the line. */
    private String stripComment(String line, int number) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return line.substring(0, i);
            }
        }
        if (quoted) {
            report(number, Severity.ERROR, null, "a quoted string is not closed on this line");
        }
        return line;
    }

    private static Entry entry(int line, String text) {
        int equals = unquotedIndexOf(text, '=');
        int comma = unquotedIndexOf(text, ',');
        if (equals > 0 && (comma < 0 || equals < comma)) {
            return new Entry(line, unquote(text.substring(0, equals).strip()), fields(text.substring(equals + 1)));
        }
        return new Entry(line, null, fields(text));
    }

    private static List<String> fields(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static int unquotedIndexOf(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** [Strings] first, then any localized [Strings.xxxx] for tokens it lacks. */
    private void collectStrings() {
        List<String> order = new ArrayList<>();
        order.add("strings");
        sections.keySet().stream().filter(s -> s.startsWith("strings.")).forEach(order::add);
        for (String section : order) {
            for (Entry e : sections.getOrDefault(section, List.of())) {
                if (e.key() != null) {
                    strings.putIfAbsent(e.key().toLowerCase(Locale.ROOT), String.join(",", e.fields()));
                }
            }
        }
    }
}
