package org.offloadkit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The files beside the results that shape the report: failure categories and the environment table. */
public final class AllureResults {
    private AllureResults() {}

    public static void writeCategories(Path resultsDirectory) {
        List<Map<String, Object>> categories = new ArrayList<>();
        for (FailureCategory category : FailureCategory.values()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", category.title);
            c.put("matchedStatuses", List.of(category.allureStatus));
            c.put("messageRegex", category.messageRegex);
            categories.add(c);
        }
        try {
            Files.createDirectories(resultsDirectory);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(resultsDirectory.resolve("categories.json").toFile(), categories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** environment.properties: shown on the report's front page. */
    public static void writeEnvironment(Path resultsDirectory, Map<String, String> environment) {
        String text = environment.entrySet().stream()
                .map(e -> key(e.getKey()) + "=" + value(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(resultsDirectory);
            Files.writeString(resultsDirectory.resolve("environment.properties"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** executor.json: who produced the results, shown in the report's Executors box. */
    public static void writeExecutor(Path resultsDirectory, String buildName, String reportName) {
        Map<String, Object> executor = new LinkedHashMap<>();
        executor.put("name", "OffloadKit");
        executor.put("type", "offloadkit");
        executor.put("buildName", buildName);
        executor.put("reportName", reportName);
        try {
            Files.createDirectories(resultsDirectory);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(resultsDirectory.resolve("executor.json").toFile(), executor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String s) {
        return value(s).replace("=", "\\=").replace(":", "\\:").replace(" ", "\\ ");
    }

    private static String value(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
