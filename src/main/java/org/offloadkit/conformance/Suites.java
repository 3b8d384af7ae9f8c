package org.offloadkit.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.offloadkit.dut.KitResources;
import org.testng.xml.SuiteXmlParser;
import org.testng.xml.XmlSuite;

/** The suite XML files (HLK's playlists) that travel in the kit's jar under offloadkit/suites/. */
public final class Suites {
    private static final String FOLDER = "offloadkit/suites/";

    private Suites() {}

    /** Suite names in the jar, such as checksum and full. */
    public static List<String> names() {
        return KitResources.names(FOLDER, ".xml");
    }

    /**
     * The suites a name stands for: a suite in the jar, or a suite XML file. A suite that lists suite files
     * brings them along (resolved in the jar for jar suites, beside the file for files).
     */
    public static List<XmlSuite> load(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".xml") && Files.isRegularFile(file)) {
            return parse(nameOrFile, () -> Files.newInputStream(file), child -> load(file.resolveSibling(child).toString()));
        }
        String resource = FOLDER + nameOrFile + ".xml";
        if (Suites.class.getClassLoader().getResource(resource) == null) {
            throw new UnknownSuiteException("no suite named '" + nameOrFile + "'; the kit has " + names()
                    + ", or give a suite XML file");
        }
        return parse(nameOrFile, () -> Suites.class.getClassLoader().getResourceAsStream(resource),
                child -> load(child.replaceFirst("\\.xml$", "")));
    }

    private interface Source {
        InputStream open() throws IOException;
    }

    private interface Children {
        List<XmlSuite> load(String path);
    }

    private static List<XmlSuite> parse(String name, Source source, Children children) {
        List<XmlSuite> suites = new ArrayList<>();
        try (InputStream in = source.open()) {
            XmlSuite suite = new SuiteXmlParser().parse(name, in, false);
            for (String child : suite.getSuiteFiles()) {
                suites.addAll(children.load(Path.of(child).getFileName().toString()));
            }
            suite.getSuiteFiles().clear();
            if (!suite.getTests().isEmpty()) {
                suites.add(suite);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read suite " + name + ": " + e.getMessage(), e);
        }
        return suites;
    }

    /** A suite name that matches nothing: a usage error. */
    public static final class UnknownSuiteException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnknownSuiteException(String message) {
            super(message);
        }
    }
}
