package org.offloadkit.framework;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.offloadkit.spec.ChecksumParameter;
import org.offloadkit.spec.ChecksumSwitches;
import org.offloadkit.spec.ChecksumTarget;
import org.offloadkit.spec.Layer3Flag;
import org.offloadkit.spec.Layer4Flag;
import org.offloadkit.spec.NdisStatus;
import org.offloadkit.spec.OffloadParameters;
import org.offloadkit.spec.RxChecksumOffload;
import org.offloadkit.spec.TxChecksumOffload;
import org.offloadkit.spec.TxChecksumShapes;

/**
 * The checksum capability sets of spec section 5: software (only when a checksum keyword exists),
 * default (the keywords' values), and the active set the driver is called back with, which the
 * documented behaviour keeps within what the hardware advertised.
 *
 * @param hardwareTx what the driver advertised for Tx, {@link TxChecksumShapes#NONE} when nothing
 * @param rxRegistered whether the driver registered Rx checksum capabilities
 * @param keywords the adapter's keywords
 */
public record ChecksumCapabilitySets(TxChecksumShapes hardwareTx, boolean rxRegistered, Keywords keywords) {

    private static final Set<Layer3Flag> IPV4 = EnumSet.of(Layer3Flag.IPV4_NO_OPTIONS, Layer3Flag.IPV4_WITH_OPTIONS);
    private static final Set<Layer3Flag> IPV6 = EnumSet.of(Layer3Flag.IPV6_NO_EXTENSIONS, Layer3Flag.IPV6_WITH_EXTENSIONS);
    private static final Set<Layer4Flag> TCP = EnumSet.of(Layer4Flag.TCP_NO_OPTIONS, Layer4Flag.TCP_WITH_OPTIONS);
    private static final Set<Layer4Flag> UDP = EnumSet.of(Layer4Flag.UDP);

    /** True when any checksum keyword exists: only then does the framework fall back in software (KW-01). */
    public boolean hasSoftwareTx() {
        for (ChecksumTarget target : ChecksumTarget.values()) {
            if (keywords.exists(target.keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Software set: every shape, when a checksum keyword exists. */
    public TxChecksumShapes softwareTx() {
        return hasSoftwareTx() ? new TxChecksumShapes(Layer3Flag.ALL, Layer4Flag.ALL, 0, 0) : TxChecksumShapes.NONE;
    }

    /**
     * Default switches: bit 0 of each keyword is Tx, bit 1 is Rx; a missing or unreadable keyword leaves
     * its target on. Tx needs the software set; Rx needs the driver's registration.
     */
    public ChecksumSwitches defaults() {
        Set<ChecksumTarget> tx = EnumSet.noneOf(ChecksumTarget.class);
        Set<ChecksumTarget> rx = EnumSet.noneOf(ChecksumTarget.class);
        for (ChecksumTarget target : ChecksumTarget.values()) {
            int value = keywords.value(target.keyword).orElse(3);
            if (hasSoftwareTx() && (value & 1) != 0) {
                tx.add(target);
            }
            if (rxRegistered && (value & 2) != 0) {
                rx.add(target);
            }
        }
        return new ChecksumSwitches(tx, rx);
    }

    /** The Tx sets a driver is called back with for the given switches: within the hardware's own flags. */
    public TxChecksumOffload activeTx(ChecksumSwitches on) {
        TxChecksumShapes ipv4Header = shapes(on.tx(ChecksumTarget.IPV4_HEADER) ? IPV4 : Set.of(), Set.of());
        return new TxChecksumOffload(ipv4Header,
                transport(on, ChecksumTarget.TCP_IPV4, ChecksumTarget.TCP_IPV6, TCP),
                transport(on, ChecksumTarget.UDP_IPV4, ChecksumTarget.UDP_IPV6, UDP));
    }

    private TxChecksumShapes transport(ChecksumSwitches on, ChecksumTarget v4, ChecksumTarget v6, Set<Layer4Flag> layer4) {
        Set<Layer3Flag> layer3 = new HashSet<>();
        if (on.tx(v4)) {
            layer3.addAll(IPV4);
        }
        if (on.tx(v6)) {
            layer3.addAll(IPV6);
        }
        return shapes(layer3, layer3.isEmpty() ? Set.of() : layer4);
    }

    private TxChecksumShapes shapes(Set<Layer3Flag> layer3, Set<Layer4Flag> layer4) {
        Set<Layer3Flag> l3 = new HashSet<>(layer3);
        l3.retainAll(hardwareTx.layer3Flags());
        Set<Layer4Flag> l4 = new HashSet<>(layer4);
        l4.retainAll(hardwareTx.layer4Flags());
        return new TxChecksumShapes(l3, l4, hardwareTx.layer3HeaderOffsetLimit(), hardwareTx.layer4HeaderOffsetLimit());
    }

    /** The Rx set a driver is called back with: a protocol is on when either IP version's switch is. */
    public RxChecksumOffload activeRx(ChecksumSwitches on) {
        return new RxChecksumOffload(
                rxRegistered && on.rx(ChecksumTarget.IPV4_HEADER),
                rxRegistered && (on.rx(ChecksumTarget.TCP_IPV4) || on.rx(ChecksumTarget.TCP_IPV6)),
                rxRegistered && (on.rx(ChecksumTarget.UDP_IPV4) || on.rx(ChecksumTarget.UDP_IPV6)));
    }

    /**
     * The stack's request applied to the current switches: NOT_SUPPORTED when it enables a direction the
     * default set lacks (ACT-03).
     */
    public Requested<ChecksumSwitches> request(ChecksumSwitches current, OffloadParameters parameters) {
        ChecksumSwitches defaults = defaults();
        ChecksumSwitches next = current;
        for (ChecksumTarget target : ChecksumTarget.values()) {
            ChecksumParameter value = parameters.checksum(target);
            if (value == ChecksumParameter.NO_CHANGE) {
                continue;
            }
            if ((value.tx && !defaults.tx(target)) || (value.rx && !defaults.rx(target))) {
                return new Requested<>(NdisStatus.NOT_SUPPORTED, current);
            }
            next = next.with(target, value.tx, value.rx);
        }
        return new Requested<>(NdisStatus.SUCCESS, next);
    }
}
