package org.offloadkit.framework;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.offloadkit.packet.FrameLayout;
import org.offloadkit.packet.FrameParser;
import org.offloadkit.reference.RscCoalescer;
import org.offloadkit.reference.RscSettings;
import org.offloadkit.reference.RscUnit;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RscTarget;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.RxIndication;

/**
 * NetAdapterCx's software RSC (spec 5.9), with the reference coalescer as its engine: on the indications of
 * one batch, for the IP versions the stack has RSC on for and the hardware does not coalesce. Frames of a
 * hardware-claimed IP version, VLAN-tagged frames, non-TCP frames and frames the hardware already
 * coalesced pass as the driver indicated them.
 *
 * @param ipv4 software RSC for TCP over IPv4
 * @param ipv6 software RSC for TCP over IPv6
 */
public record SoftwareRsc(boolean ipv4, boolean ipv6) {

    public static final SoftwareRsc NONE = new SoftwareRsc(false, false);

    /** The versions the switches turn on and the hardware leaves out; none without an RSC keyword. */
    public static SoftwareRsc of(RscCapabilitySets sets, Set<RscTarget> switches) {
        if (!sets.hasSoftwareRsc()) {
            return NONE;
        }
        Set<Layer3Flag> hardware = sets.hardware() == null || !sets.hardware().layer4Flags().contains(Layer4Flag.TCP_NO_OPTIONS)
                ? Set.of() : sets.hardware().layer3Flags();
        return new SoftwareRsc(switches.contains(RscTarget.IPV4) && !hardware.contains(Layer3Flag.IPV4_NO_OPTIONS),
                switches.contains(RscTarget.IPV6) && !hardware.contains(Layer3Flag.IPV6_NO_EXTENSIONS));
    }

    /**
     * What the stack receives for one batch. A unit the software builds takes the place of its first frame,
     * which keeps every connection's order; what it does not coalesce is the driver's indication, untouched.
     */
    public List<RxIndication> apply(List<RxIndication> indicated) {
        if (!ipv4 && !ipv6) {
            return indicated;
        }
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < indicated.size(); i++) {
            if (eligible(indicated.get(i))) {
                eligible.add(i);
            }
        }
        Set<Layer3Flag> versions = new HashSet<>();
        if (ipv4) {
            versions.add(Layer3Flag.IPV4_NO_OPTIONS);
        }
        if (ipv6) {
            versions.add(Layer3Flag.IPV6_NO_EXTENSIONS);
        }
        RscSettings settings = RscSettings.ndis(new RscOffload(versions, Set.of(Layer4Flag.TCP_NO_OPTIONS), true),
                RxChecksumOffload.ALL);
        List<RscUnit> units = RscCoalescer.coalesce(eligible.stream().map(i -> indicated.get(i).frame()).toList(), settings);
        TreeMap<Integer, RxIndication> byPlace = new TreeMap<>();
        Set<Integer> folded = new HashSet<>();
        for (RscUnit unit : units) {
            int first = eligible.get(unit.segments().get(0));
            byPlace.put(first, unit.segments().size() == 1 ? indicated.get(first) : unit.indication());
            unit.segments().forEach(s -> folded.add(eligible.get(s)));
        }
        for (int i = 0; i < indicated.size(); i++) {
            if (!folded.contains(i)) {
                byPlace.put(i, indicated.get(i));
            }
        }
        return List.copyOf(byPlace.values());
    }

    private boolean eligible(RxIndication indication) {
        if (indication.rsc().coalesced() || !(FrameParser.parse(indication.frame()) instanceof FrameLayout layout)) {
            return false;
        }
        return layout.vlanTags() == 0 && layout.isTcp() && (layout.isIPv4() ? ipv4 : layout.isIPv6() && ipv6);
    }
}
