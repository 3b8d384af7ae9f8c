package org.offloadkit.framework;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.offloadkit.spec.ChecksumTarget;
import org.offloadkit.spec.GsoTarget;
import org.offloadkit.spec.RscTarget;

/**
 * The adapter's standardized keywords as NetAdapterCx reads them: a keyword either exists (it has a value)
 * or does not. Values are kept as read (REG_SZ text or a REG_DWORD number) and parsed base 10 when used.
 */
public final class Keywords {
    private final Map<String, String> values;

    private Keywords(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Keywords of(Map<String, String> values) {
        return new Keywords(values);
    }

    /** No keyword at all: no family has a software set (KW-01). */
    public static Keywords none() {
        return new Keywords(Map.of());
    }

    /** Every standardized keyword present with its documented default (spec section 4, KW-11). */
    public static Keywords standardDefaults() {
        Map<String, String> values = new LinkedHashMap<>();
        for (ChecksumTarget target : ChecksumTarget.values()) {
            values.put(target.keyword, "3");
        }
        for (GsoTarget target : GsoTarget.values()) {
            target.keywords.forEach(keyword -> values.put(keyword, "1"));
        }
        values.put(RscTarget.IPV4.keyword, "1");
        values.put(RscTarget.IPV6.keyword, "1");
        return new Keywords(values);
    }

    public boolean exists(String keyword) {
        return values.containsKey(keyword);
    }

    /** The value parsed base 10; empty when the keyword is missing or does not read as a number. */
    public Optional<Integer> value(String keyword) {
        String raw = values.get(keyword);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(raw.trim()));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.isEmpty() ? "(none)" : values.toString();
    }
}
