package org.offloadkit.framework;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.offloadkit.spec.GsoOffload;
import org.offloadkit.spec.GsoShapes;
import org.offloadkit.spec.GsoTarget;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.SwitchParameter;

/**
 * The segmentation capability sets of spec section 5: a software set for LSO when an LSO keyword exists
 * and for USO when a USO keyword does; defaults filtered by the keywords' values; and the active sets the
 * driver is called back with, within what the hardware advertised.
 *
 * @param hardware what the driver advertised, {@link GsoShapes#NONE} when nothing
 */
public record GsoCapabilitySets(GsoShapes hardware, Keywords keywords) {

    private static final Set<Layer3Flag> IPV4 = EnumSet.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV4_WITH_OPTIONS);
    private static final Set<Layer3Flag> IPV6 = EnumSet.of(Layer3Flag.IPV6_NO_EXTENSIONS, Layer3Flag.IPV6_WITH_EXTENSIONS);
    private static final Set<Layer4Flag> TCP = EnumSet.of(Layer4Flag.TCP_NO_OPTIONS, Layer4Flag.TCP_WITH_OPTIONS);

    public boolean hasSoftwareLso() {
        return anyKeyword(GsoTarget.LSO_IPV4, GsoTarget.LSO_IPV6);
    }

    public boolean hasSoftwareUso() {
        return anyKeyword(GsoTarget.USO_IPV4, GsoTarget.USO_IPV6);
    }

    private boolean anyKeyword(GsoTarget... targets) {
        for (GsoTarget target : targets) {
            for (String keyword : target.keywords) {
                if (keywords.exists(keyword)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Default switches: a target is on unless one of its keywords reads 0; a family without keywords is off. */
    public Set<GsoTarget> defaults() {
        Set<GsoTarget> on = EnumSet.noneOf(GsoTarget.class);
        for (GsoTarget target : GsoTarget.values()) {
            boolean family = target.isLso() ? hasSoftwareLso() : hasSoftwareUso();
            boolean disabled = target.keywords.stream().anyMatch(k -> keywords.value(k).orElse(1) == 0);
            if (family && !disabled) {
                on.add(target);
            }
        }
        return on;
    }

    /**
     * [GAP] NETCX_GSO_SOFTWARE_FALLBACK_MAX_SIZE and ..._MIN_SEGMENT_COUNT are not public: the kit takes 64 KiB
     * and 2 where the hardware gives no size (only NDIS's view and unmasked dispatches show them).
     */
    public static final long SOFTWARE_MAXIMUM_OFFLOAD_SIZE = 65536;
    public static final long SOFTWARE_MINIMUM_SEGMENT_COUNT = 2;

    /** Software set (spec 5.3): every layer 3 flag, TCP flags with LSO keywords, Udp with USO keywords. */
    public GsoShapes software() {
        Set<Layer4Flag> layer4 = new HashSet<>();
        if (hasSoftwareLso()) {
            layer4.addAll(TCP);
        }
        if (hasSoftwareUso()) {
            layer4.add(Layer4Flag.UDP);
        }
        if (layer4.isEmpty()) {
            return GsoShapes.NONE;
        }
        return new GsoShapes(Layer3Flag.ALL, layer4, hardware.layer4HeaderOffsetLimit(),
                hardware.maximumOffloadSize() == 0 ? SOFTWARE_MAXIMUM_OFFLOAD_SIZE : hardware.maximumOffloadSize(),
                hardware.minimumSegmentCount() == 0 ? SOFTWARE_MINIMUM_SEGMENT_COUNT : hardware.minimumSegmentCount());
    }

    /** The LSO and USO sets a driver is called back with for the given switches, within the hardware's. */
    public GsoOffload active(Set<GsoTarget> on) {
        return offload(on, hardware);
    }

    /** The sets the switches stand for, not narrowed to the hardware (NDIS's current view; 2100's start and resume). */
    public GsoOffload requested(Set<GsoTarget> on) {
        return offload(on, software());
    }

    private GsoOffload offload(Set<GsoTarget> on, GsoShapes within) {
        return new GsoOffload(
                shapes(on.contains(GsoTarget.LSO_IPV4), on.contains(GsoTarget.LSO_IPV6), TCP, within),
                shapes(on.contains(GsoTarget.USO_IPV4), on.contains(GsoTarget.USO_IPV6), Set.of(Layer4Flag.UDP), within));
    }

    private static GsoShapes shapes(boolean ipv4, boolean ipv6, Set<Layer4Flag> layer4, GsoShapes within) {
        Set<Layer3Flag> l3 = new HashSet<>();
        if (ipv4) {
            l3.addAll(IPV4);
        }
        if (ipv6) {
            l3.addAll(IPV6);
        }
        l3.retainAll(within.layer3Flags());
        Set<Layer4Flag> l4 = new HashSet<>(l3.isEmpty() ? Set.of() : layer4);
        l4.retainAll(within.layer4Flags());
        if (l4.isEmpty()) {
            l3.clear();
        }
        return new GsoShapes(l3, l4, within.layer4HeaderOffsetLimit(), within.maximumOffloadSize(), within.minimumSegmentCount());
    }

    /** The documented behaviour's answer to a request. */
    public Requested<Set<GsoTarget>> request(Set<GsoTarget> current, OffloadParameters parameters) {
        return request(current, parameters, FrameworkProfile.DOCUMENTED);
    }

    /**
     * The stack's LSO and USO fields applied. Documented: DISABLED switches a target off, ENABLED on,
     * NOT_SUPPORTED when enabling what the defaults lack (ACT-03); LSO over IPv4 has two fields, LsoV1 and
     * LsoV2IPv4, and either one disabling it switches it off. NetAdapterCx 2100 (spec 7 items 5 and 6):
     * NO_CHANGE counts as ENABLED; the LSO IPv4 refusal needs the default set's TcpNoOptions (an LSO keyword),
     * the LSO IPv6 refusal needs it absent.
     */
    public Requested<Set<GsoTarget>> request(Set<GsoTarget> current, OffloadParameters parameters, FrameworkProfile profile) {
        Set<GsoTarget> defaults = defaults();
        Set<GsoTarget> next = EnumSet.noneOf(GsoTarget.class);
        next.addAll(current);
        for (Map.Entry<GsoTarget, List<SwitchField>> e : FIELDS.entrySet()) {
            GsoTarget target = e.getKey();
            List<SwitchParameter> values = e.getValue().stream().map(parameters::field).toList();
            boolean enables = values.contains(SwitchParameter.ENABLED);
            if (values.contains(SwitchParameter.DISABLED)) {
                next.remove(target);
            } else if (profile == FrameworkProfile.DOCUMENTED) {
                if (enables && !defaults.contains(target)) {
                    return new Requested<>(NdisStatus.NOT_SUPPORTED, current);
                }
                if (enables) {
                    next.add(target);
                }
            } else {
                boolean checked = switch (target) {
                    case LSO_IPV4 -> hasSoftwareLso();
                    case LSO_IPV6 -> !hasSoftwareLso();
                    default -> true;
                };
                if (enables && checked && !defaults.contains(target)) {
                    return new Requested<>(NdisStatus.NOT_SUPPORTED, current);
                }
                next.add(target);
            }
        }
        return new Requested<>(NdisStatus.SUCCESS, next);
    }

    private static final Map<GsoTarget, List<SwitchField>> FIELDS = Map.of(
            GsoTarget.LSO_IPV4, List.of(SwitchField.LSO_V1, SwitchField.LSO_V2_IPV4),
            GsoTarget.LSO_IPV6, List.of(SwitchField.LSO_V2_IPV6),
            GsoTarget.USO_IPV4, List.of(SwitchField.USO_IPV4),
            GsoTarget.USO_IPV6, List.of(SwitchField.USO_IPV6));
}
