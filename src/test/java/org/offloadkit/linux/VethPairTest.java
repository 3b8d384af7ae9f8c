package org.offloadkit.linux;

import static org.awaitility.Awaitility.await;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.time.Duration;
import java.util.Map;

import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** A veth pair across two namespaces, configured with ip and ethtool and read back. */
public class VethPairTest {
    private Namespace left;
    private Namespace right;
    private VethPair pair;

    @BeforeClass
    public void requireRoot() {
        SkipWithoutRoot.check();
    }

    @BeforeMethod
    public void createPair() {
        left = Namespace.create();
        right = Namespace.create();
        pair = VethPair.create(new NetDevice("left0", left), new NetDevice("right0", right));
    }

    @AfterMethod(alwaysRun = true)
    public void deleteNamespaces() {
        left.close();
        right.close();
    }

    @Test
    public void eachEndIsInItsOwnNamespaceOnly() {
        assertTrue(pair.first().ifindex() > 1);
        assertTrue(pair.second().ifindex() > 1);
        expectThrows(IllegalStateException.class, () -> new NetDevice("left0", right).ifindex());
        expectThrows(IllegalStateException.class, () -> new NetDevice("right0", left).ifindex());
    }

    /** The carrier comes on only once both ends are up. */
    @Test
    public void anEndIsUpOnceBothAre() {
        pair.first().up();
        assertFalse(pair.first().isUp());

        pair.second().up();

        await().atMost(Duration.ofSeconds(10)).until(() -> pair.first().isUp() && pair.second().isUp());
    }

    /** Switching TSO off switches off every TCP segmentation feature under it; ethtool reads them back. */
    @Test
    public void featuresAreSetAndReadBack() {
        assertEquals(pair.first().features().get("tcp-segmentation-offload"), Boolean.TRUE);

        pair.first().setFeatures(Map.of("tcp-segmentation-offload", false, "generic-receive-offload", true));

        Map<String, Boolean> features = pair.first().features();
        assertEquals(features.get("tcp-segmentation-offload"), Boolean.FALSE);
        assertEquals(features.get("tx-tcp-segmentation"), Boolean.FALSE);
        assertEquals(features.get("tx-tcp6-segmentation"), Boolean.FALSE);
        assertEquals(features.get("generic-receive-offload"), Boolean.TRUE);
        assertEquals(pair.second().features().get("tcp-segmentation-offload"), Boolean.TRUE, "the other end is untouched");
    }

    /** A feature the device will not switch fails the call, naming it. */
    @Test
    public void aFixedFeatureCannotBeSwitched() {
        IllegalStateException e = expectThrows(IllegalStateException.class,
                () -> pair.first().setFeatures(Map.of("loopback", true)));

        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    }

    @Test
    public void mtuAndSysfsAttributesAreSetAndReadBack() {
        pair.setMtu(9000);
        pair.second().setSysfs("gro_flush_timeout", "123456");

        assertEquals(pair.first().mtu(), 9000);
        assertEquals(pair.second().mtu(), 9000);
        assertEquals(pair.second().sysfs("gro_flush_timeout"), "123456");
        assertEquals(pair.first().sysfs("gro_flush_timeout"), "0");
        assertEquals(pair.first().mac().length, 6);
    }

    /**
     * Deleting the namespace of one end deletes the pair: the other end goes from its namespace too, as
     * soon as the kernel's cleanup (asynchronous, in a workqueue) has run.
     */
    @Test
    public void deletingOneNamespaceDeletesThePair() {
        left.close();

        await().atMost(Duration.ofSeconds(30)).until(() -> !right.exec("ip", "-o", "link", "show").contains("right0"));
    }

    @Test
    public void deletingOneEndDeletesBoth() {
        pair.delete();

        expectThrows(IllegalStateException.class, () -> pair.first().ifindex());
        expectThrows(IllegalStateException.class, () -> pair.second().ifindex());
    }
}
