package org.offloadkit.framework;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RscCapabilities;
import org.offloadkit.spec.RscOffload;
import org.offloadkit.spec.RscTarget;
import org.offloadkit.spec.SwitchField;
import org.offloadkit.spec.SwitchParameter;

/**
 * The coalescing capability sets of spec section 5: a software set (IPv4, IPv6, timestamps) when an RSC
 * keyword exists, defaults filtered by the keywords, and the active set within the hardware's.
 *
 * @param hardware what the driver advertised, or null
 */
public record RscCapabilitySets(RscCapabilities hardware, Keywords keywords) {

    public boolean hasSoftwareRsc() {
        return keywords.exists(RscTarget.IPV4.keyword) || keywords.exists(RscTarget.IPV6.keyword);
    }

    /** Default switches: on unless the keyword reads 0; nothing without an RSC keyword. */
    public Set<RscTarget> defaults() {
        Set<RscTarget> on = EnumSet.noneOf(RscTarget.class);
        if (!hasSoftwareRsc()) {
            return on;
        }
        for (RscTarget target : RscTarget.values()) {
            if (keywords.value(target.keyword).orElse(1) != 0) {
                on.add(target);
            }
        }
        return on;
    }

    /** The set a driver is called back with for the given switches, within the hardware's. */
    public RscOffload active(Set<RscTarget> on) {
        if (hardware == null) {
            return RscOffload.NONE;
        }
        return offload(on, hardware.layer3Flags(), hardware.layer4Flags(), hardware.tcpTimestampOption());
    }

    /** The set the switches stand for, not narrowed to the hardware (NDIS's current view; 2100's start and resume). */
    public RscOffload requested(Set<RscTarget> on) {
        return offload(on, SOFTWARE_LAYER3, Set.of(Layer4Flag.TCP_NO_OPTIONS), true);
    }

    /** Software set (spec 5.3): IPv4, IPv6 and timestamps, when an RSC keyword exists. */
    public RscOffload software() {
        return requested(hasSoftwareRsc() ? Set.of(RscTarget.values()) : Set.of());
    }

    private static final Set<Layer3Flag> SOFTWARE_LAYER3 = Set.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV6_NO_EXTENSIONS);

    private static RscOffload offload(Set<RscTarget> on, Set<Layer3Flag> layer3, Set<Layer4Flag> layer4, boolean timestamps) {
        Set<Layer3Flag> l3 = new HashSet<>();
        if (on.contains(RscTarget.IPV4)) {
            l3.add(Layer3Flag.IPV4_NO_OPTIONS);
        }
        if (on.contains(RscTarget.IPV6)) {
            l3.add(Layer3Flag.IPV6_NO_EXTENSIONS);
        }
        l3.retainAll(layer3);
        Set<Layer4Flag> l4 = l3.isEmpty() ? Set.of() : layer4;
        return new RscOffload(l3, l4, !l3.isEmpty() && timestamps && on.contains(RscTarget.TCP_TIMESTAMP));
    }

    /** The stack's RscIPv4 and RscIPv6 fields applied (documented behaviour), as for segmentation. */
    public Requested<Set<RscTarget>> request(Set<RscTarget> current, OffloadParameters parameters) {
        Set<RscTarget> defaults = defaults();
        Set<RscTarget> next = EnumSet.noneOf(RscTarget.class);
        next.addAll(current);
        for (Map.Entry<RscTarget, SwitchField> e : FIELDS.entrySet()) {
            SwitchParameter value = parameters.field(e.getValue());
            if (value == SwitchParameter.DISABLED) {
                next.remove(e.getKey());
            } else if (value == SwitchParameter.ENABLED) {
                if (!defaults.contains(e.getKey())) {
                    return new Requested<>(NdisStatus.NOT_SUPPORTED, current);
                }
                next.add(e.getKey());
            }
        }
        return new Requested<>(NdisStatus.SUCCESS, next);
    }

    private static final Map<RscTarget, SwitchField> FIELDS = Map.of(
            RscTarget.IPV4, SwitchField.RSC_IPV4,
            RscTarget.IPV6, SwitchField.RSC_IPV6);
}
