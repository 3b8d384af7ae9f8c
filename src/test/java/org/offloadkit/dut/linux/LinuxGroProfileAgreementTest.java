package org.offloadkit.dut.linux;

import static org.testng.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RscCorpus;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscProfile;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;
import org.offloadkit.testing.ProjectDir;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * The RSC deviations of linux:veth are the linux-gro profile's: for every case of the coalescing corpus the
 * kernel's GRO, through the adapter, indicates what the reference coalescer makes under {@code linux-gro},
 * unit by unit (segments and payload), in the same order.
 */
public class LinuxGroProfileAgreementTest {
    private static final RscSettings LINUX_GRO = RscSettings.ndis(new RscOffload(
            Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS), Set.of(Layer4Flag.TCP_NO_OPTIONS), true),
            RxChecksumOffload.ALL).withProfile(RscProfile.LINUX_GRO);

    private HostedVeth veth;
    private AdapterHost host;
    private LinuxAdapter adapter;

    @BeforeClass
    public void start() {
        veth = HostedVeth.started();
        adapter = veth.adapter;
        host = veth.host;
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (veth != null) {
            veth.close();
        }
    }

    @DataProvider
    public static Object[][] cases() {
        return RscCorpus.load(ProjectDir.root()).cases().stream().map(c -> new Object[] {c}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "cases")
    public void groIndicatesWhatTheLinuxGroProfileSays(RscCase c) {
        List<String> kernel = new ArrayList<>();
        List<String> profile = new ArrayList<>();
        for (List<byte[]> batch : c.batches()) {
            host.receive(batch).indications().await().forEach(i -> kernel.add(unit(i)));
            RscCoalescer.coalesce(batch, LINUX_GRO).forEach(u -> profile.add(unit(u.indication())));
        }
        assertEquals(kernel, profile, c + ": " + c.idea());
    }

    /** An indication as the comparison sees it: segments coalesced and the payload it carries. */
    private static String unit(RxIndication indication) {
        byte[] frame = indication.frame();
        String payload = FrameParser.parse(frame) instanceof FrameLayout l && l.payloadLength() > 0
                ? HexFormat.of().formatHex(Arrays.copyOfRange(frame, l.payloadOffset(), Math.min(l.ipEnd(), l.payloadOffset() + 8)))
                        + "+" + l.payloadLength()
                : "no payload, " + frame.length + " bytes";
        return indication.rsc().coalescedSegmentCount() + " segments, " + payload;
    }
}
