package org.offloadkit.framework;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.offloadkit.spec.StandardKeyword;

/**
 * The adapter's standardized keywords as NetAdapterCx reads them: a keyword either exists (it has a value)
 * or does not. Values are kept as read (REG_SZ text, a REG_DWORD in decimal) and parsed base 10 when used.
 * Names are case-insensitive, as in the registry.
 */
public final class Keywords {

    /** A keyword's value as read, and where it was read from. */
    public record Value(String name, String text, String source) {}

    private final Map<String, Value> values;

    private Keywords(Map<String, Value> values) {
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Keywords of(Map<String, String> values) {
        Map<String, Value> map = new LinkedHashMap<>();
        values.forEach((name, text) -> map.put(name.toLowerCase(Locale.ROOT), new Value(name, text, "given")));
        return new Keywords(map);
    }

    /** No keyword at all: no family has a software set (KW-01). */
    public static Keywords none() {
        return new Keywords(Map.of());
    }

    /** Every standardized offload keyword NetAdapterCx reads, with its documented default (KW-11). */
    public static Keywords standardDefaults() {
        Map<String, Value> map = new LinkedHashMap<>();
        for (StandardKeyword k : StandardKeyword.values()) {
            if (k.readByNetAdapterCx && k.family != StandardKeyword.Family.NONE) {
                String text = k.defaultValue == null ? "1" : k.defaultValue;
                map.put(k.keyword.toLowerCase(Locale.ROOT), new Value(k.keyword, text, "standard default"));
            }
        }
        return new Keywords(map);
    }

    /** These keywords with one more value, replacing any of the same name. */
    public Keywords with(String name, String text, String source) {
        Map<String, Value> map = new LinkedHashMap<>(values);
        map.put(name.toLowerCase(Locale.ROOT), new Value(name, text, source));
        return new Keywords(map);
    }

    /** These keywords without the named ones (a family's, say, to see what its absence does). */
    public Keywords without(java.util.Collection<String> names) {
        Map<String, Value> map = new LinkedHashMap<>(values);
        names.forEach(n -> map.remove(n.toLowerCase(Locale.ROOT)));
        return new Keywords(map);
    }

    public boolean exists(String keyword) {
        return values.containsKey(keyword.toLowerCase(Locale.ROOT));
    }

    public Optional<Value> raw(String keyword) {
        return Optional.ofNullable(values.get(keyword.toLowerCase(Locale.ROOT)));
    }

    /** The value parsed base 10; empty when the keyword is missing or does not read as a number. */
    public Optional<Integer> value(String keyword) {
        return raw(keyword).flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v.text().trim()));
            } catch (NumberFormatException unreadable) {
                return Optional.empty();
            }
        });
    }

    /** Name to text, as spelled where each was read. */
    public Map<String, String> asMap() {
        return values.values().stream().collect(Collectors.toMap(Value::name, Value::text, (a, b) -> b, LinkedHashMap::new));
    }

    @Override
    public String toString() {
        return values.isEmpty() ? "(none)" : asMap().toString();
    }
}
