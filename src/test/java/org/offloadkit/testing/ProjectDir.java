package org.offloadkit.testing;

import java.nio.file.Path;

/** The checkout's root, where pcaps/ and fixtures/ live. */
public final class ProjectDir {
    private ProjectDir() {}

    /** The pom passes it to the tests; a run from an IDE starts there instead. */
    public static Path root() {
        return Path.of(System.getProperty("offloadkit.project.dir", System.getProperty("user.dir")));
    }
}
