package org.offloadkit.cli;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.offloadkit.testing.ProjectDir;

/**
 * examples/vendor-adapter built by Maven as a vendor builds it, against a jar of the kit's classes as they
 * are in this build (the test phase comes before the kit's own jar).
 */
final class VendorExample {
    private VendorExample() {}

    /** Builds the example in a copy under {@code work} and returns its jar. */
    static Path build(Path work) throws IOException, InterruptedException {
        Path kit = kitJar(work.resolve("offloadkit.jar"));
        Path project = work.resolve("vendor-adapter");
        copy(ProjectDir.root().resolve("examples/vendor-adapter"), project);
        Process mvn = new ProcessBuilder("mvn", "-B", "-q", "package", "-Doffloadkit.jar=" + kit).directory(project.toFile())
                .redirectErrorStream(true).start();
        String output = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(mvn.waitFor(5, TimeUnit.MINUTES), "mvn package of the example took over 5 minutes");
        assertEquals(mvn.exitValue(), 0, "mvn package of examples/vendor-adapter: " + output);
        Path jar = project.resolve("target/acme-offloadkit-adapter.jar");
        assertTrue(Files.isRegularFile(jar), output);
        return jar;
    }

    /** The kit's compiled classes, the API an adapter compiles against, as a jar. */
    private static Path kitJar(Path jar) throws IOException {
        Path classes;
        try {
            classes = Path.of(OffloadKit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes.resolve("org"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
            }
        }
        return jar;
    }

    /** The project's sources, without what an earlier build left in it. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
