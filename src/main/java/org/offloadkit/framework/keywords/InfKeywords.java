package org.offloadkit.framework.keywords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.offloadkit.framework.keywords.Finding.Severity;
import org.offloadkit.framework.keywords.InfFile.Entry;

/**
 * The keywords an INF installs: the {@code HKR, Ndi\Params\KEYWORD, ...} value lines and their
 * {@code \enum} subkeys, and values written straight to the instance key ({@code HKR,, KEYWORD, ...}),
 * in the registry sections that AddReg directives reach.
 */
public final class InfKeywords {

    /** One attribute of a keyword definition (ParamDesc, Default, type, min, max, an enum value...). */
    public record Attribute(RegistryValue value, int line) {}

    /**
     * A keyword as the INF defines it.
     *
     * @param name        as spelled in the INF
     * @param line        where its first line is
     * @param attributes  by lower-case name: paramdesc, default, type, min, max, step, optional...
     * @param enumeration the enum subkey: value to description
     */
    public record Definition(String name, int line, Map<String, Attribute> attributes, Map<String, Attribute> enumeration) {
        public Attribute attribute(String attributeName) {
            return attributes.get(attributeName.toLowerCase(Locale.ROOT));
        }
    }

    private final InfFile inf;
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, RegistryValue> instanceValues = new LinkedHashMap<>();

    private InfKeywords(InfFile inf) {
        this.inf = inf;
    }

    public static InfKeywords read(InfFile inf) {
        InfKeywords keywords = new InfKeywords(inf);
        Set<String> reached = keywords.registrySections();
        for (String section : reached) {
            for (Entry entry : inf.section(section)) {
                keywords.registryLine(entry);
            }
        }
        keywords.unreachedDefinitions(reached);
        return keywords;
    }

    public InfFile inf() {
        return inf;
    }

    /** Definitions by lower-case keyword name, in the order the INF gives them. */
    public Map<String, Definition> definitions() {
        return definitions;
    }

    /** Values the INF writes to the instance key itself, by lower-case name. */
    public Map<String, RegistryValue> instanceValues() {
        return instanceValues;
    }

    /** Every section an AddReg directive names; a name with no section is an error on the AddReg line. */
    private Set<String> registrySections() {
        Set<String> reached = new LinkedHashSet<>();
        for (String section : inf.sectionNames()) {
            for (Entry entry : inf.section(section)) {
                if (entry.key() == null || !entry.key().equalsIgnoreCase("AddReg")) {
                    continue;
                }
                for (String field : entry.fields()) {
                    String target = inf.substitute(field, entry.line());
                    if (target.isEmpty()) {
                        continue;
                    }
                    if (!inf.hasSection(target)) {
                        inf.report(entry.line(), Severity.ERROR, null, "AddReg names section [" + target + "], which the INF does not have");
                    } else {
                        reached.add(target);
                    }
                }
            }
        }
        return reached;
    }

    private void registryLine(Entry entry) {
        List<String> f = entry.fields();
        if (entry.key() != null || f.isEmpty() || !f.get(0).equalsIgnoreCase("HKR")) {
            return;
        }
        String subkey = f.size() > 1 ? inf.substitute(f.get(1), entry.line()) : "";
        String[] path = subkey.split("\\\\");
        boolean ndiParams = path.length >= 3 && path[0].equalsIgnoreCase("Ndi") && path[1].equalsIgnoreCase("Params");
        String valueName = f.size() > 2 ? inf.substitute(f.get(2), entry.line()) : "";
        if (!ndiParams && !(subkey.isEmpty() && valueName.startsWith("*"))) {
            return;
        }
        if (f.size() < 5) {
            inf.report(entry.line(), Severity.ERROR, ndiParams ? path[2] : valueName,
                    "registry line has " + f.size() + " fields; root, subkey, value name, flags and value are needed");
            return;
        }
        RegistryValue.Type type = type(f.get(3), entry.line());
        if (type == null) {
            return;
        }
        String text = inf.substitute(String.join(",", f.subList(4, f.size())), entry.line());
        RegistryValue value = new RegistryValue(text, type, inf.name() + ":" + entry.line());
        if (!ndiParams) {
            instanceValues.put(valueName.toLowerCase(Locale.ROOT), value);
            return;
        }
        boolean enumeration = path.length == 4 && path[3].equalsIgnoreCase("enum");
        if (path.length > 4 || (path.length == 4 && !enumeration)) {
            inf.report(entry.line(), Severity.ERROR, path[2], "unexpected subkey " + subkey);
            return;
        }
        Definition d = definitions.computeIfAbsent(path[2].toLowerCase(Locale.ROOT),
                k -> new Definition(path[2], entry.line(), new LinkedHashMap<>(), new LinkedHashMap<>()));
        if (enumeration) {
            d.enumeration().put(valueName, new Attribute(value, entry.line()));
        } else {
            d.attributes().put(valueName.toLowerCase(Locale.ROOT), new Attribute(value, entry.line()));
        }
    }

    /** FLG_ADDREG_TYPE_*: 0 or empty is REG_SZ, 0x00010001 REG_DWORD; null (reported) when unreadable. */
    private RegistryValue.Type type(String flagsField, int line) {
        long flags;
        try {
            String f = flagsField.strip();
            flags = f.isEmpty() ? 0 : f.toLowerCase(Locale.ROOT).startsWith("0x") ? Long.parseLong(f.substring(2), 16) : Long.parseLong(f);
        } catch (NumberFormatException e) {
            inf.report(line, Severity.ERROR, null, "registry flags '" + flagsField + "' are not a number");
            return null;
        }
        long type = flags & 0xFFFF0001L;
        if (type == 0 || type == 0x00020000L) {
            return RegistryValue.Type.REG_SZ;
        }
        return type == 0x00010001L ? RegistryValue.Type.REG_DWORD : RegistryValue.Type.OTHER;
    }

    /** Ndi\Params lines in a section no AddReg reaches are never installed: worth saying. */
    private void unreachedDefinitions(Set<String> reached) {
        Set<String> reachedLower = new LinkedHashSet<>();
        reached.forEach(s -> reachedLower.add(s.toLowerCase(Locale.ROOT)));
        for (String section : inf.sectionNames()) {
            if (reachedLower.contains(section.toLowerCase(Locale.ROOT))) {
                continue;
            }
            List<String> names = new ArrayList<>();
            int first = 0;
            for (Entry e : inf.section(section)) {
                if (e.key() == null && e.fields().size() > 1 && e.fields().get(0).equalsIgnoreCase("HKR")
                        && e.fields().get(1).toLowerCase(Locale.ROOT).startsWith("ndi\\params\\")) {
                    first = first == 0 ? e.line() : first;
                    String[] path = e.fields().get(1).split("\\\\");
                    String keyword = path.length > 2 ? path[2] : "(no keyword after Ndi\\Params\\)";
                    if (!names.contains(keyword)) {
                        names.add(keyword);
                    }
                }
            }
            if (!names.isEmpty()) {
                inf.report(first, Severity.NOTE, null, "section [" + section + "] defines " + names
                        + " but no AddReg reaches it, so they are not installed");
            }
        }
    }
}
