package org.offloadkit.linux;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.testng.annotations.Test;

/** Without the privileges it needs, every entry point of the harness refuses, saying what it needs. */
public class LinuxHostTest {

    @Test
    public void thisMachineCanRunTheHarness() {
        SkipWithoutRoot.check();

        assertEquals(LinuxHost.problem(), Optional.empty());
    }

    /**
     * A child JVM run as root but with CAP_NET_ADMIN, CAP_NET_RAW and CAP_SYS_ADMIN taken from its
     * bounding set (setpriv), so it stands for a user without them.
     */
    @Test
    public void withoutTheCapabilitiesEveryEntryPointRefuses() throws IOException, InterruptedException {
        SkipWithoutRoot.check();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder("setpriv", "--bounding-set", "-net_admin,-net_raw,-sys_admin",
                java, "-cp", System.getProperty("java.class.path"), EntryPointProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> refusals = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS));

        assertEquals(refusals.size(), 4, refusals.toString());
        for (String refusal : refusals) {
            assertTrue(refusal.startsWith("the kernel harness cannot run here: it needs root (or CAP_NET_ADMIN, CAP_NET_RAW"
                    + " and CAP_SYS_ADMIN)"), refusal);
        }
    }
}
