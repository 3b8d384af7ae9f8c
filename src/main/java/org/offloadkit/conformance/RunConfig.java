package org.offloadkit.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.offloadkit.framework.FrameworkProfile;
import org.offloadkit.framework.Keywords;

/**
 * What a conformance run needs.
 *
 * @param dut      the adapter, as named on the command line
 * @param loader   where to look for it (the kit's class path plus any vendor jars)
 * @param suites   suite names (such as {@code checksum}) or suite XML files
 * @param out      where allure-results/ and summary.json go
 * @param timeout  how long to wait for any one answer; null for the adapter's own default
 * @param keywords the adapter's standardized keywords
 * @param profile  how the framework model behaves where the documents and NetAdapterCx 2100 part
 * @param shard    the part of the suites' test methods this run takes; null for all of them
 */
public record RunConfig(String dut, ClassLoader loader, List<String> suites, Path out, Duration timeout, Keywords keywords,
                        FrameworkProfile profile, Shard shard) {

    public static RunConfig of(String dut, List<String> suites, Path out) {
        return new RunConfig(dut, RunConfig.class.getClassLoader(), suites, out, null, Keywords.standardDefaults(),
                FrameworkProfile.DOCUMENTED, null);
    }

    public RunConfig withProfile(FrameworkProfile framework) {
        return new RunConfig(dut, loader, suites, out, timeout, keywords, framework, shard);
    }

    public Path results() {
        return out.resolve("allure-results");
    }

    public Path summaryFile() {
        return out.resolve("summary.json");
    }
}
