package org.offloadkit.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.offloadkit.dut.KitResources;
import org.testng.xml.SuiteXmlParser;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

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

    /**
     * A suite that selects methods of classes an earlier suite of the same parent ran whole (fallback.xml within
     * full.xml) loses them, so that nothing runs twice; false when nothing is left.
     */
    private static boolean withoutClassesRunBefore(XmlSuite suite, Set<String> wholeClasses) {
        for (XmlTest test : List.copyOf(suite.getTests())) {
            List<XmlClass> kept = test.getXmlClasses().stream().filter(c -> !wholeClasses.contains(c.getName())).toList();
            test.setXmlClasses(new ArrayList<>(kept));
            if (kept.isEmpty()) {
                suite.getTests().remove(test);
            }
        }
        for (XmlTest test : suite.getTests()) {
            test.getXmlClasses().stream().filter(c -> c.getIncludedMethods().isEmpty()).forEach(c -> wholeClasses.add(c.getName()));
        }
        return !suite.getTests().isEmpty();
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
            Set<String> wholeClasses = new HashSet<>();
            for (String child : suite.getSuiteFiles()) {
                for (XmlSuite loaded : children.load(Path.of(child).getFileName().toString())) {
                    if (withoutClassesRunBefore(loaded, wholeClasses)) {
                        suites.add(loaded);
                    }
                }
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
