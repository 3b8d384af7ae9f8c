package org.offloadkit.framework.keywords;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.offloadkit.framework.Keywords;
import org.offloadkit.framework.keywords.Finding.Severity;
import org.offloadkit.framework.keywords.InfKeywords.Attribute;
import org.offloadkit.framework.keywords.InfKeywords.Definition;
import org.offloadkit.spec.StandardKeyword;

/**
 * The keywords an adapter ends up with: the INF's definitions (installed with their Default), values the
 * INF writes to the instance key, and registry settings on top, the later winning.
 */
public final class KeywordSources {
    private KeywordSources() {}

    /** Either source may be null. */
    public static Keywords combine(InfKeywords inf, RegistrySettings registry) {
        Keywords keywords = Keywords.none();
        if (inf != null) {
            for (Definition d : inf.definitions().values()) {
                Attribute defaultValue = d.attribute("Default");
                if (defaultValue != null) {
                    keywords = keywords.with(d.name(), defaultValue.value().text(), defaultValue.value().source() + " Default");
                }
            }
            for (Map.Entry<String, RegistryValue> e : inf.instanceValues().entrySet()) {
                keywords = keywords.with(e.getKey(), e.getValue().text(), e.getValue().source());
            }
        }
        if (registry != null) {
            for (Map.Entry<String, RegistryValue> e : registry.values().entrySet()) {
                keywords = keywords.with(registry.spelling(e.getKey()), e.getValue().text(), e.getValue().source());
            }
        }
        return keywords;
    }

    /** Registry values of standardized keywords that are not among their standard values. */
    public static List<Finding> checkValues(RegistrySettings registry) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, RegistryValue> e : registry.values().entrySet()) {
            StandardKeyword.named(e.getKey()).ifPresent(k -> KeywordCheck.valueProblem(k, e.getValue()).ifPresent(problem -> {
                String source = e.getValue().source();
                int line = Integer.parseInt(source.substring(source.lastIndexOf(':') + 1));
                findings.add(new Finding(registry.name(), line, Severity.DEVIATION, k.keyword, problem));
            }));
        }
        return findings;
    }
}
