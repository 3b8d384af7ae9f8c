package org.offloadkit.dut;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import org.offloadkit.dut.reference.ReferenceAdapter;
import org.offloadkit.dut.reference.ReferenceAdapterProvider;
import org.offloadkit.mutation.SendsZeroUdpChecksum;
import org.testng.annotations.Test;

/** How a name on the command line becomes an adapter. */
public class DutRegistryTest {
    private final DutRegistry registry = DutRegistry.ofKitClassPath();

    /** An adapter class a vendor got wrong: no way to make one. */
    public static final class NeedsArguments implements DeviceUnderTest {
        public NeedsArguments(String port) {
        }

        @Override
        public void initialize(org.offloadkit.framework.NetAdapter adapter) {
        }
    }

    @Test
    public void theReferenceAdapterIsFoundByItsName() {
        assertTrue(registry.providers().stream().anyMatch(p -> p.name().equals("reference")));
        DutRegistry.ResolvedDut dut = registry.resolve("reference");
        assertEquals(dut.options(), "");
        assertTrue(dut.create() instanceof ReferenceAdapter);
    }

    @Test
    public void optionsFollowTheColon() {
        DutRegistry.ResolvedDut dut = registry.resolve("reference:fast");
        assertEquals(dut.options(), "fast");
        UnknownDutException e = expectThrows(UnknownDutException.class, dut::create);
        assertTrue(e.getMessage().contains("takes no options"), e.getMessage());
    }

    @Test
    public void aProviderOrAnAdapterCanBeNamedByClass() {
        assertEquals(registry.resolve(ReferenceAdapterProvider.class.getName()).provider().name(), "reference");
        DutRegistry.ResolvedDut adapter = registry.resolve(SendsZeroUdpChecksum.class.getName());
        assertTrue(adapter.create() instanceof SendsZeroUdpChecksum);
    }

    @Test
    public void aMutantOfTheCatalogueIsNamedAfterTheProvider() {
        assertTrue(registry.resolve("mutant:sends-zero-udp-checksum").create() instanceof SendsZeroUdpChecksum);
        UnknownDutException e = expectThrows(UnknownDutException.class, () -> registry.resolve("mutant:no-such-bug").create());
        assertEquals(e.getMessage(), "no mutant named 'no-such-bug' in the catalogue; 'offloadkit mutation --list' names them");
    }

    @Test
    public void anUnknownNameSaysWhatThereIs() {
        UnknownDutException e = expectThrows(UnknownDutException.class, () -> registry.resolve("acme"));
        assertEquals(e.getMessage(), "no adapter named 'acme': not a provider [exec, linux, mutant, profile, reference, tcp] and no such class on the class path");
    }

    @Test
    public void anAdapterProfileIsAnAdapterAndAnUnknownOneSaysWhatThereIs() {
        assertTrue(registry.resolve("profile:rsc-ipv4-only").create() instanceof org.offloadkit.dut.reference.ProfileAdapter);
        UnknownDutException e = expectThrows(UnknownDutException.class, () -> registry.resolve("profile:nosuch").create());
        assertTrue(e.getMessage().startsWith("no adapter profile named 'nosuch'; the kit has [gso-32k, ipv4-no-options,"), e.getMessage());
    }

    @Test
    public void aClassThatIsNoAdapterIsRefused() {
        UnknownDutException e = expectThrows(UnknownDutException.class, () -> registry.resolve("java.lang.Object"));
        assertEquals(e.getMessage(), "java.lang.Object is neither a DutProvider nor a DeviceUnderTest");
    }

    @Test
    public void anAdapterWithoutANoArgumentConstructorIsRefused() {
        UnknownDutException e = expectThrows(UnknownDutException.class, () -> registry.resolve(NeedsArguments.class.getName()));
        assertTrue(e.getMessage().endsWith("has no public no-argument constructor"), e.getMessage());
    }
}
