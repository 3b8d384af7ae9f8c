package org.offloadkit.conformance.framework;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.offloadkit.conformance.Case;
import org.offloadkit.conformance.ConformanceRun;
import org.offloadkit.conformance.DutSession;
import org.offloadkit.conformance.Verdict;
import org.offloadkit.corpus.RscCase;
import org.offloadkit.corpus.RscCorpus;
import org.offloadkit.framework.AdapterHost;
import org.offloadkit.framework.Reception;
import org.offloadkit.packet.FrameBuilder;
import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.packet.TcpFlags;
import org.offloadkit.report.Evidence;
import org.offloadkit.report.Requirement;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RxIndication;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import io.qameta.allure.Allure;
import io.qameta.allure.Description;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;

/**
 * The receive side of the software fallback (spec 5.9), RSC-17's second half: the DUT coalesces only the IP
 * versions it advertised and has on, and the framework's software RSC coalesces only the others, never a
 * VLAN-tagged frame. The transmit side (CSUM-TX-04/05, GSO-FB-01..03) is judged by the checksum and
 * segmentation suites, which fallback.xml also runs.
 */
@Epic("Framework")
@Feature("Software fallback")
public class FallbackConformance {

    @DataProvider
    public Iterator<Object[]> coalescingCases() {
        List<Object[]> rows = new ArrayList<>();
        RscCorpus.load().cases().forEach(c -> rows.add(new Object[] {Case.of(c)}));
        rows.add(new Object[] {Case.of(new RscCase("rsc-vlan", "vlan-tagged-segments", "three in-order segments of one VLAN-tagged TCP/IPv4 flow",
                List.of(vlanTaggedSegments()), List.of("RSC-17"), List.of()))});
        return rows.iterator();
    }

    @Test(dataProvider = "coalescingCases")
    @Requirement(value = "RSC-17", title = "No coalesced indications while disabled; no software coalescing of hardware-claimed versions or VLAN frames")
    @Description("Judged on the DUT: none of its indications is coalesced unless its IP version is in the active RSC set (within what it"
            + " advertised). Judged on the framework: its software RSC changes only indications of versions the hardware does not coalesce,"
            + " and never a VLAN-tagged frame.")
    public void required_rsc17_softwareRscOnlyWhereTheHardwareDoesNot(Case<RscCase> rscCase) {
        RscCase c = rscCase.get();
        String name = c.toString();
        DutSession session = ConformanceRun.session();
        AdapterHost host = session.host();
        RscOffload active = host.activeRsc();
        Allure.parameter("software RSC", host.softwareRsc().toString());
        List<Reception> receptions = c.batches().stream().map(host::receive).toList();
        for (Reception reception : receptions) {
            List<RxIndication> indicated = reception.indications().await();
            for (RxIndication i : indicated) {
                FrameLayout layout = layoutOf(i);
                boolean allowed = layout != null && (layout.isIPv4() ? active.isTcpRscIPv4Enabled() : active.isTcpRscIPv6Enabled());
                if (i.rsc().coalesced() && !allowed) {
                    throw Verdict.failure("RSC-17", name + ": " + session.name() + " indicated a coalesced unit " + i + " of "
                            + (layout == null ? "an unparsable frame" : layout.isIPv4() ? "IPv4" : "IPv6") + ", which its active RSC set ("
                            + active + ") does not cover: what the hardware does not coalesce, NetAdapterCx coalesces in software",
                            () -> Evidence.frames("input", reception.batch().frames()));
                }
            }
            List<RxIndication> toStack = reception.toStack();
            for (RxIndication i : toStack) {
                if (indicated.contains(i)) {
                    continue;
                }
                FrameLayout layout = layoutOf(i);
                boolean hardwareVersion = layout != null && (layout.isIPv4() ? active.isTcpRscIPv4Enabled() : active.isTcpRscIPv6Enabled());
                if (layout == null || layout.vlanTags() > 0 || hardwareVersion) {
                    throw Verdict.failure("RSC-17", name + ": the framework's software RSC (" + reception.softwareRsc() + ") built " + i
                            + (layout != null && layout.vlanTags() > 0 ? " from VLAN-tagged frames" : " over an IP version the hardware coalesces"),
                            () -> Evidence.frames("input", reception.batch().frames()));
                }
            }
        }
    }

    private static FrameLayout layoutOf(RxIndication indication) {
        return FrameParser.parse(indication.frame()) instanceof FrameLayout layout ? layout : null;
    }

    /** Three in-order data segments of one flow behind an 802.1Q tag, which software RSC must leave alone. */
    private static List<byte[]> vlanTaggedSegments() {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            frames.add(FrameBuilder.ethernet(new byte[] {2, 0, 0, 0, 0, 2}, new byte[] {2, 0, 0, 0, 0, 1}).vlan(0x8100, 42)
                    .ipv4(new byte[] {10, 1, 0, 1}, new byte[] {10, 1, 0, 2}).ipId(100 + i).tcp(40000, 443).seq(1000 + 500L * i)
                    .ack(1).flags(TcpFlags.ACK).window(1024).payload(new byte[500]).build());
        }
        return frames;
    }
}
