package org.offloadkit.dut.linux;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.offloadkit.cli.OffloadKit;
import org.offloadkit.dut.DutRegistry;
import org.offloadkit.dut.UnknownDutException;
import org.offloadkit.linux.LinuxHost;
import org.offloadkit.testing.Scratch;
import org.testng.annotations.Test;

/** How {@code --dut linux:...} is named, and what it says where it cannot run. */
public class LinuxAdapterProviderTest {

    @Test
    public void isFoundByName() {
        assertTrue(DutRegistry.ofKitClassPath().resolve("linux:veth").provider() instanceof LinuxAdapterProvider);
    }

    @Test
    public void refusesOptionsItDoesNotKnow() {
        UnknownDutException e = expectThrows(UnknownDutException.class, () -> new LinuxAdapterProvider().create("eth0"));
        assertTrue(e.getMessage().contains("linux:IFACE,peer=IFACE2"), e.getMessage());
    }

    @Test
    public void refusesInterfacesThatAreNotThere() {
        if (LinuxHost.problem().isPresent()) {
            return; // without root the privilege check answers first; withoutPrivilegesItExitsTwo covers it
        }
        UnknownDutException e = expectThrows(UnknownDutException.class,
                () -> new LinuxAdapterProvider().create("okx-none0,peer=okx-none1"));
        assertTrue(e.getMessage().contains("okx-none0"), e.getMessage());
    }

    /**
     * The command line in a JVM without the privileges (as root, the capabilities are dropped with setpriv):
     * exit status 2 and a message that says what it needs, no stack trace.
     */
    @Test
    public void withoutPrivilegesItExitsTwoSayingWhatItNeeds() throws IOException, InterruptedException {
        Path out = Scratch.directory("offloadkit-linux-noroot-");
        List<String> command = new ArrayList<>();
        if (LinuxHost.problem().isEmpty()) {
            command.addAll(List.of("setpriv", "--inh-caps=-all", "--bounding-set=-all"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OffloadKit.class.getName(),
                "run", "--dut", "linux:veth", "--suite", "checksum", "--no-report", "--out", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(process.exitValue(), 2, printed);
        assertTrue(printed.contains("linux:veth") && printed.contains("needs root (or CAP_NET_ADMIN, CAP_NET_RAW and CAP_SYS_ADMIN)"),
                printed);
        assertTrue(!printed.contains("Exception") && !printed.contains("\tat "), "no stack trace: " + printed);
    }
}
