package org.offloadkit.conformance.replay;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.offloadkit.replay.Offload;
import org.testng.ITestContext;

/**
 * What to replay: the captures, a BPF filter, the offloads. A suite file names them as parameters, so a
 * vendor's CI replays its own corpus in a TestNG run; system properties of the same names with the prefix
 * {@code offloadkit.replay.} win, so the command line can point any suite elsewhere.
 */
record ReplaySettings(List<Path> captures, String filter, List<Offload> offloads) {
    private static final String PREFIX = "offloadkit.replay.";

    static ReplaySettings of(ITestContext context) {
        String captures = value(context, "captures");
        String filter = value(context, "filter");
        String offloads = value(context, "offloads");
        return new ReplaySettings(split(captures).stream().map(Path::of).toList(), filter == null || filter.isBlank() ? null : filter,
                offloads == null || offloads.isBlank() ? List.of(Offload.values()) : Offload.parse(offloads));
    }

    private static String value(ITestContext context, String name) {
        String property = System.getProperty(PREFIX + name);
        return property != null ? property : context.getCurrentXmlTest().getParameter(name);
    }

    static List<String> split(String list) {
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
