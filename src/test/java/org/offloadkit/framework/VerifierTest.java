package org.offloadkit.framework;

import static org.offloadkit.spec.Layer3Flag.IPV4_NO_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV4_WITH_OPTIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_NO_EXTENSIONS;
import static org.offloadkit.spec.Layer3Flag.IPV6_WITH_EXTENSIONS;
import static org.offloadkit.spec.Layer4Flag.TCP_NO_OPTIONS;
import static org.offloadkit.spec.Layer4Flag.TCP_WITH_OPTIONS;
import static org.offloadkit.spec.Layer4Flag.UDP;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.TxChecksumShapes;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** The verifier's Tx checksum rules (spec 1.1; CAP-04..08), each with the failure code and P3 it raises. */
public class VerifierTest {

    @DataProvider
    public Object[][] txChecksum() {
        return new Object[][] {
                {"CAP-04 IPv4WithOptions without IPv4NoOptions", Set.of(IPV4_WITH_OPTIONS), Set.of(TCP_NO_OPTIONS), 91, 0},
                {"CAP-05 IPv6WithExtensions without IPv6NoExtensions", Set.of(IPV6_WITH_EXTENSIONS), Set.of(UDP), 91, 1},
                {"CAP-06 TcpWithOptions without TcpNoOptions", Set.of(IPV4_NO_OPTIONS), Set.of(TCP_WITH_OPTIONS), 91, 2},
                {"CAP-07 no flags at all", Set.of(), Set.of(), 94, 0},
                {"CAP-08 IPv6NoExtensions, no layer 4 flag, no IPv4NoOptions", Set.of(IPV6_NO_EXTENSIONS), Set.of(), 92, 0},
        };
    }

    @Test(dataProvider = "txChecksum")
    public void brokenTxChecksumCapabilitiesRaiseTheirBugCheck(String name, Set<Layer3Flag> l3, Set<Layer4Flag> l4, int code, int p3) {
        BugCheck check = Verifier.txChecksum(new TxChecksumShapes(l3, l4, 0, 0)).orElseThrow(() -> new AssertionError(name + " passed"));
        assertEquals(check.failure().code, code, name);
        assertEquals(check.parameter3(), p3, name);
        assertTrue(check.toString().startsWith("bug check 0x19E BUGCODE_NETADAPTER_DRIVER (" + code), check.toString());
    }

    @DataProvider
    public Object[][] accepted() {
        return new Object[][] {
                {"layer 3 flags alone (layer 4 is optional, spec 7.1)", Set.of(IPV4_NO_OPTIONS), Set.of()},
                {"IPv6NoExtensions alone with IPv4NoOptions", Set.of(IPV4_NO_OPTIONS, IPV6_NO_EXTENSIONS), Set.of()},
                {"every flag", Layer3Flag.ALL, Layer4Flag.ALL},
                {"layer 4 flags alone", Set.of(), Set.of(UDP)},
        };
    }

    @Test(dataProvider = "accepted")
    public void validTxChecksumCapabilitiesPass(String name, Set<Layer3Flag> l3, Set<Layer4Flag> l4) {
        assertEquals(Verifier.txChecksum(new TxChecksumShapes(l3, l4, 0, 0)), Optional.empty(), name);
    }

    @Test
    public void advertisingAfterStartIsFailureCode3() {
        assertEquals(Verifier.notStarted(true, "x").orElseThrow().failure().code, 3);
        assertEquals(Verifier.notStarted(false, "x"), Optional.empty());
    }

    @DataProvider
    public Object[][] gso() {
        return new Object[][] {
                {"CAP-09 MaximumOffloadSize 0", Set.of(IPV4_NO_OPTIONS), Set.of(TCP_NO_OPTIONS), 0L, 2L, 42, 1},
                {"CAP-10 MinimumSegmentCount 0", Set.of(IPV6_NO_EXTENSIONS), Set.of(UDP), 65536L, 0L, 42, 2},
                {"CAP-11 TcpWithOptions without TcpNoOptions", Set.of(IPV4_WITH_OPTIONS), Set.of(TCP_WITH_OPTIONS), 65536L, 2L, 42, 3},
                {"CAP-12 no flags at all", Set.of(), Set.of(), 65536L, 2L, 98, 0},
        };
    }

    @Test(dataProvider = "gso")
    public void brokenGsoCapabilitiesRaiseTheirBugCheck(String name, Set<Layer3Flag> l3, Set<Layer4Flag> l4, long max, long min,
                                                         int code, int p3) {
        BugCheck check = Verifier.gso(new GsoShapes(l3, l4, 0, max, min)).orElseThrow(() -> new AssertionError(name + " passed"));
        assertEquals(check.failure().code, code, name);
        assertEquals(check.parameter3(), p3, name);
    }

    @Test
    public void sizesAreCheckedOnlyWithABaseLayer3AndLayer4Flag() {
        assertEquals(Verifier.gso(new GsoShapes(Set.of(IPV4_WITH_OPTIONS), Set.of(UDP), 0, 0, 0)), Optional.empty(),
                "without IPv4NoOptions or IPv6NoExtensions the 2100 verifier does not look at the sizes");
        assertEquals(Verifier.gso(new GsoShapes(Layer3Flag.ALL, Layer4Flag.ALL, 255, 65536, 2)), Optional.empty());
    }
}
