package org.offloadkit.dut;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The files that travel in the kit's jar (or its classes folder, when run from a build). */
public final class KitResources {
    private KitResources() {}

    /** The names, without the extension, of the files in a folder of the kit's resources, such as offloadkit/suites/. */
    public static List<String> names(String folder, String extension) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Path location = Path.of(KitResources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(extension))
                                .forEach(n -> names.add(n.substring(0, n.length() - extension.length())));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.startsWith(folder) && n.endsWith(extension) && n.indexOf('/', folder.length()) < 0) {
                            names.add(n.substring(folder.length(), n.length() - extension.length()));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the kit's " + folder + ": " + e, e);
        }
        return List.copyOf(names);
    }
}
