package org.offloadkit.framework.keywords;

/**
 * A registry value as a keyword source gives it.
 *
 * @param text   the value as text: a REG_SZ as written, a REG_DWORD in decimal
 * @param type   what the registry holds
 * @param source file and line it came from, for the report
 */
public record RegistryValue(String text, Type type, String source) {

    public enum Type { REG_SZ, REG_DWORD, OTHER }

    @Override
    public String toString() {
        return type + " " + text + " (" + source + ")";
    }
}
