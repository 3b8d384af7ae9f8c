package org.offloadkit.linux;

import org.testng.SkipException;

/** Tests of the kernel harness need what the harness needs; elsewhere they skip and say why. */
public final class SkipWithoutRoot {
    private SkipWithoutRoot() {}

    public static void check() {
        LinuxHost.problem().ifPresent(reason -> {
            System.err.println("offloadkit: skipping the kernel harness tests: " + reason);
            throw new SkipException(reason);
        });
    }
}
