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
        return tx(on, hardwareTx);
    }

    /**
     * The Tx sets the switches stand for, not narrowed to the hardware: what NDIS shows as current, and what
     * NetAdapterCx 2100 calls a driver back with at start and resume (spec 7 item 2).
     */
    public TxChecksumOffload requestedTx(ChecksumSwitches on) {
        return tx(on, softwareTx());
    }

    private TxChecksumOffload tx(ChecksumSwitches on, TxChecksumShapes within) {
        TxChecksumShapes ipv4Header = shapes(on.tx(ChecksumTarget.IPV4_HEADER) ? IPV4 : Set.of(), Set.of(), within);
        return new TxChecksumOffload(ipv4Header,
                transport(on, ChecksumTarget.TCP_IPV4, ChecksumTarget.TCP_IPV6, TCP, within),
                transport(on, ChecksumTarget.UDP_IPV4, ChecksumTarget.UDP_IPV6, UDP, within));
    }

    private TxChecksumShapes transport(ChecksumSwitches on, ChecksumTarget v4, ChecksumTarget v6, Set<Layer4Flag> layer4,
                                       TxChecksumShapes within) {
        Set<Layer3Flag> layer3 = new HashSet<>();
        if (on.tx(v4)) {
            layer3.addAll(IPV4);
        }
        if (on.tx(v6)) {
            layer3.addAll(IPV6);
        }
        boolean cleared = on.clearedLayer4().contains(gate(layer4));
        return shapes(layer3, layer3.isEmpty() || cleared ? Set.of() : layer4, within);
    }

    /** The flag that stands for a transport's layer 4 flags in {@link ChecksumSwitches#clearedLayer4()}. */
    private static Layer4Flag gate(Set<Layer4Flag> layer4) {
        return layer4.contains(Layer4Flag.UDP) ? Layer4Flag.UDP : Layer4Flag.TCP_NO_OPTIONS;
    }

    /** NETOFFLOAD's Tx checksum sets carry no offset limits (spec 1.2, ACT-04). */
    private static TxChecksumShapes shapes(Set<Layer3Flag> layer3, Set<Layer4Flag> layer4, TxChecksumShapes within) {
        Set<Layer3Flag> l3 = new HashSet<>(layer3);
        l3.retainAll(within.layer3Flags());
        Set<Layer4Flag> l4 = new HashSet<>(layer4);
        l4.retainAll(within.layer4Flags());
        return new TxChecksumShapes(l3, l4, 0, 0);
    }

    /** The Rx set a driver is called back with: a protocol is on when either IP version's switch is. */
    public RxChecksumOffload activeRx(ChecksumSwitches on) {
        return new RxChecksumOffload(
                rxRegistered && on.rx(ChecksumTarget.IPV4_HEADER),
                rxRegistered && (on.rx(ChecksumTarget.TCP_IPV4) || on.rx(ChecksumTarget.TCP_IPV6)),
                rxRegistered && (on.rx(ChecksumTarget.UDP_IPV4) || on.rx(ChecksumTarget.UDP_IPV6)));
    }

    /** The documented behaviour's answer to a request. */
    public Requested<ChecksumSwitches> request(ChecksumSwitches current, OffloadParameters parameters) {
        return request(current, parameters, FrameworkProfile.DOCUMENTED);
    }

    /**
     * The stack's request applied to the current switches: NOT_SUPPORTED when it enables a direction the
     * default set lacks (ACT-03). Documented: every field on its own. NetAdapterCx 2100 (spec 7 items 3 to 5):
     * TCP and UDP are refused only when both IP versions ask; the OR of the two versions' values sets or clears
     * the transport's layer 4 flags and its Rx checksum (a value matching no field value changes neither);
     * each version's value then sets its layer 3 flags, and TCPIPv4Checksum = TX_RX_ENABLED clears them.
     */
    public Requested<ChecksumSwitches> request(ChecksumSwitches current, OffloadParameters parameters, FrameworkProfile profile) {
        ChecksumSwitches defaults = defaults();
        if (profile == FrameworkProfile.DOCUMENTED) {
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
        ChecksumParameter header = parameters.checksum(ChecksumTarget.IPV4_HEADER);
        if ((header.tx && !defaults.tx(ChecksumTarget.IPV4_HEADER)) || (header.rx && !defaults.rx(ChecksumTarget.IPV4_HEADER))) {
            return new Requested<>(NdisStatus.NOT_SUPPORTED, current);
        }
        ChecksumSwitches next = header == ChecksumParameter.NO_CHANGE ? current
                : current.with(ChecksumTarget.IPV4_HEADER, header.tx, header.rx);
        for (ChecksumTarget[] transport : new ChecksumTarget[][] {
                {ChecksumTarget.TCP_IPV4, ChecksumTarget.TCP_IPV6}, {ChecksumTarget.UDP_IPV4, ChecksumTarget.UDP_IPV6}}) {
            ChecksumTarget v4 = transport[0];
            ChecksumTarget v6 = transport[1];
            ChecksumParameter p4 = parameters.checksum(v4);
            ChecksumParameter p6 = parameters.checksum(v6);
            boolean refusedTx = p4.tx && p6.tx && !(defaults.tx(v4) && defaults.tx(v6));
            boolean refusedRx = p4.rx && p6.rx && !(defaults.rx(v4) && defaults.rx(v6));
            if (refusedTx || refusedRx) {
                return new Requested<>(NdisStatus.NOT_SUPPORTED, current);
            }
            ChecksumParameter combined = ChecksumParameter.ofNdisValue(p4.ndisValue | p6.ndisValue).orElse(ChecksumParameter.NO_CHANGE);
            if (combined != ChecksumParameter.NO_CHANGE) {
                next = next.withLayer4(v4 == ChecksumTarget.TCP_IPV4 ? Layer4Flag.TCP_NO_OPTIONS : Layer4Flag.UDP, combined.tx)
                        .with(v4, next.tx(v4), combined.rx).with(v6, next.tx(v6), combined.rx);
            }
            for (ChecksumTarget target : transport) {
                ChecksumParameter value = parameters.checksum(target);
                if (value != ChecksumParameter.NO_CHANGE) {
                    boolean tx = value.tx && !(target == ChecksumTarget.TCP_IPV4 && value == ChecksumParameter.TX_RX_ENABLED);
                    next = next.with(target, tx, next.rx(target));
                }
            }
        }
        return new Requested<>(NdisStatus.SUCCESS, next);
    }
}
