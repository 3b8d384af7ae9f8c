package org.offloadkit.framework.keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.offloadkit.framework.keywords.Finding.Severity;
import org.offloadkit.framework.keywords.InfKeywords.Attribute;
import org.offloadkit.framework.keywords.InfKeywords.Definition;
import org.offloadkit.spec.StandardKeyword;
import org.offloadkit.spec.StandardKeyword.Family;

/**
 * An INF's keyword definitions against the standardized keyword table (spec section 4): names, types,
 * enum values, defaults, and what a missing family means for NetAdapterCx (KW-01).
 */
public final class KeywordCheck {
    private static final List<String> OFFLOAD_WORDS = List.of("checksum", "lso", "uso", "rsc", "offload", "segment", "coalesc");

    private final InfFile inf;
    private final List<Finding> findings = new ArrayList<>();

    private KeywordCheck(InfFile inf) {
        this.inf = inf;
    }

    public static List<Finding> check(InfKeywords keywords) {
        KeywordCheck check = new KeywordCheck(keywords.inf());
        for (Definition d : keywords.definitions().values()) {
            Optional<StandardKeyword> standard = StandardKeyword.named(d.name());
            if (standard.isPresent()) {
                check.definition(d, standard.get());
            } else if (d.name().startsWith("*") && OFFLOAD_WORDS.stream().anyMatch(w -> d.name().toLowerCase(Locale.ROOT).contains(w))) {
                check.add(d.line(), Severity.NOTE, d.name(), "not a standardized offload keyword; NetAdapterCx does not read it");
            }
        }
        for (Map.Entry<String, RegistryValue> e : keywords.instanceValues().entrySet()) {
            StandardKeyword.named(e.getKey()).ifPresent(k -> check.value(k, e.getValue(), lineOf(e.getValue())));
        }
        for (Family family : List.of(Family.CHECKSUM, Family.LSO, Family.USO, Family.RSC)) {
            check.family(family, keywords);
        }
        return check.findings;
    }

    private void definition(Definition d, StandardKeyword k) {
        String name = k.keyword;
        if (!d.name().equals(k.keyword)) {
            add(d.line(), Severity.NOTE, name, "spelled " + d.name() + "; registry names are case-insensitive, the standard spelling is " + k.keyword);
        }
        if (!k.readByNetAdapterCx) {
            add(d.line(), Severity.NOTE, name, k.family == Family.NONE && name.startsWith("*TCPUDP")
                    ? "a grouped checksum keyword: NetAdapterCx does not read it, use the five granular ones (KW-09)"
                    : "NetAdapterCx does not read this keyword: it has no effect on a NetAdapterCx adapter");
        }
        if (d.attribute("ParamDesc") == null) {
            add(d.line(), Severity.DEVIATION, name, "no ParamDesc: it has no name in the adapter's Advanced properties");
        }
        for (Map.Entry<String, Attribute> a : d.attributes().entrySet()) {
            if (a.getValue().value().type() != RegistryValue.Type.REG_SZ) {
                add(a.getValue().line(), Severity.DEVIATION, name, a.getKey() + " is " + a.getValue().value().type()
                        + "; the documents ask for REG_SZ");
            }
        }
        Attribute type = d.attribute("type");
        if (type == null) {
            add(d.line(), Severity.DEVIATION, name, "no type; standard: " + k.values.type());
        } else if (!type.value().text().equalsIgnoreCase(k.values.type())) {
            // With the wrong type, its values are not comparable with the standard ones: one finding says it.
            add(type.line(), Severity.DEVIATION, name, "type " + type.value().text() + "; standard: " + k.values.type());
            return;
        }
        if (k.values.type().equals("enum")) {
            enumeration(d, k);
        } else {
            range(d, k, "min", k.values.min());
            range(d, k, "max", k.values.max());
        }
        Attribute defaultValue = d.attribute("Default");
        if (k.defaultValue == null) {
            add(d.line(), Severity.NOTE, name, "the documents state no default [GAP]"
                    + (k == StandardKeyword.RSC_TIMESTAMP ? "; NetAdapterCx 2100 reads this undocumented keyword: 0 switches timestamp coalescing off"
                    : "; the HLK expects 1"));
        } else if (defaultValue == null) {
            add(d.line(), Severity.DEVIATION, name, "no Default; standard: " + k.defaultValue);
        } else if (!defaultValue.value().text().equals(k.defaultValue)) {
            add(defaultValue.line(), Severity.DEVIATION, name, "Default " + defaultValue.value().text() + "; standard: " + k.defaultValue);
        }
        if (defaultValue != null && k.values.type().equals("enum") && !d.enumeration().containsKey(defaultValue.value().text())) {
            add(defaultValue.line(), Severity.DEVIATION, name, "Default " + defaultValue.value().text() + " is not one of its enum values");
        }
    }

    private void enumeration(Definition d, StandardKeyword k) {
        Set<String> standard = new TreeSet<>(k.values.enumeration().keySet());
        Set<String> given = new TreeSet<>(d.enumeration().keySet());
        Set<String> missing = new TreeSet<>(standard);
        missing.removeAll(given);
        Set<String> extra = new TreeSet<>(given);
        extra.removeAll(standard);
        int line = d.enumeration().values().stream().mapToInt(Attribute::line).min().orElse(d.line());
        if (!missing.isEmpty()) {
            add(line, Severity.DEVIATION, k.keyword, "enum lacks " + missing + "; standard values: " + describe(k));
        }
        for (String value : extra) {
            add(d.enumeration().get(value).line(), Severity.DEVIATION, k.keyword, "enum value " + value + " is not standard; standard values: " + describe(k));
        }
    }

    private void range(Definition d, StandardKeyword k, String bound, int standard) {
        Attribute given = d.attribute(bound);
        if (given == null || !given.value().text().equals(Integer.toString(standard))) {
            add(given == null ? d.line() : given.line(), Severity.DEVIATION, k.keyword,
                    bound + " " + (given == null ? "missing" : given.value().text()) + "; standard: " + standard);
        }
    }

    /** A value for a standardized keyword outside its standard values, and what NetAdapterCx makes of it. */
    static Optional<String> valueProblem(StandardKeyword k, RegistryValue value) {
        if (k.values.type().equals("enum") && k.values.enumeration().containsKey(value.text().strip())) {
            return Optional.empty();
        }
        if (!k.values.type().equals("enum")) {
            try {
                int n = Integer.parseInt(value.text().strip());
                return n >= k.values.min() && n <= k.values.max() ? Optional.empty()
                        : Optional.of(n + " is outside " + k.values.min() + ".." + k.values.max());
            } catch (NumberFormatException e) {
                return Optional.of("'" + value.text() + "' is not a number");
            }
        }
        try {
            int n = Integer.parseInt(value.text().strip());
            return Optional.of(n + " is not one of the standard values " + describe(k) + "; NetAdapterCx reads the number " + n + " as it is");
        } catch (NumberFormatException e) {
            return Optional.of("'" + value.text() + "' is not one of the standard values " + describe(k)
                    + "; NetAdapterCx cannot read it as a number and treats the keyword as enabled (KW-10)");
        }
    }

    private void value(StandardKeyword k, RegistryValue value, int line) {
        valueProblem(k, value).ifPresent(problem -> add(line, Severity.DEVIATION, k.keyword, problem));
    }

    private void family(Family family, InfKeywords keywords) {
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (StandardKeyword k : StandardKeyword.of(family)) {
            String key = k.keyword.toLowerCase(Locale.ROOT);
            (keywords.definitions().containsKey(key) || keywords.instanceValues().containsKey(key) ? present : missing).add(k.keyword);
        }
        String name = switch (family) {
            case CHECKSUM -> "Tx checksum";
            case LSO -> "LSO";
            case USO -> "USO";
            case RSC -> "RSC";
            case NONE -> "";
        };
        if (present.isEmpty()) {
            add(0, Severity.NOTE, null, "no " + name + " keyword " + missing + ": NetAdapterCx builds no software " + name
                    + " set, so it exposes no " + name + " to NDIS even when the hardware offers it, and never falls back (KW-01)");
        } else if (!missing.isEmpty()) {
            add(0, Severity.NOTE, null, name + " keywords " + present + " present, " + missing
                    + " missing: each missing one reads as enabled");
        }
    }

    private static String describe(StandardKeyword k) {
        return k.values.enumeration().keySet().stream().sorted().toList().toString();
    }

    private static int lineOf(RegistryValue value) {
        int colon = value.source().lastIndexOf(':');
        try {
            return Integer.parseInt(value.source().substring(colon + 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return 0;
        }
    }

    private void add(int line, Severity severity, String keyword, String message) {
        findings.add(new Finding(inf.name(), line, severity, keyword, message));
    }
}
