package org.offloadkit.cli;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code --classpath}: where a vendor's adapter jars are, added to the kit's own class path. */
final class AdapterClassPath {
    @Option(names = "--classpath", paramLabel = "PATH", split = ":",
            description = "Jars or class folders with adapters (DutProvider services or DeviceUnderTest classes), separated by ':'.")
    List<Path> entries = new ArrayList<>();

    ClassLoader loader() {
        if (entries.isEmpty()) {
            return AdapterClassPath.class.getClassLoader();
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw new SetupException("--classpath entry " + entry + " does not exist");
            }
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new SetupException("--classpath entry " + entry + ": " + e.getMessage());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), AdapterClassPath.class.getClassLoader());
    }
}
