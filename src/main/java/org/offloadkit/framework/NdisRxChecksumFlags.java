package org.offloadkit.framework;

import java.util.EnumSet;
import java.util.Set;

import org.offloadkit.packet.Layer4Type;
import org.offloadkit.spec.RxChecksumEvaluation;
import org.offloadkit.spec.RxIndication;

/**
 * The receive flags of NDIS_TCP_IP_CHECKSUM_NET_BUFFER_LIST_INFO that NetAdapterCx derives from an
 * indication (CSUM-RX-01): Valid and Invalid become Succeeded and Failed, NotChecked becomes nothing, and
 * layer 4 flags pass only when the driver's layout says TCP or UDP. A coalesced unit whose checksums were
 * not recomputed adds TcpChecksumValueInvalid and IpChecksumValueInvalid (spec 3.2).
 */
public enum NdisRxChecksumFlags {
    IP_CHECKSUM_SUCCEEDED, IP_CHECKSUM_FAILED,
    TCP_CHECKSUM_SUCCEEDED, TCP_CHECKSUM_FAILED,
    UDP_CHECKSUM_SUCCEEDED, UDP_CHECKSUM_FAILED,
    IP_CHECKSUM_VALUE_INVALID, TCP_CHECKSUM_VALUE_INVALID;

    public static Set<NdisRxChecksumFlags> of(RxIndication indication) {
        Set<NdisRxChecksumFlags> flags = EnumSet.noneOf(NdisRxChecksumFlags.class);
        RxChecksumEvaluation l3 = indication.checksum().layer3();
        if (l3 != RxChecksumEvaluation.NOT_CHECKED) {
            flags.add(l3 == RxChecksumEvaluation.VALID ? IP_CHECKSUM_SUCCEEDED : IP_CHECKSUM_FAILED);
        }
        RxChecksumEvaluation l4 = indication.checksum().layer4();
        Layer4Type type = indication.layout().layer4Type();
        if (l4 != RxChecksumEvaluation.NOT_CHECKED && type == Layer4Type.TCP) {
            flags.add(l4 == RxChecksumEvaluation.VALID ? TCP_CHECKSUM_SUCCEEDED : TCP_CHECKSUM_FAILED);
        } else if (l4 != RxChecksumEvaluation.NOT_CHECKED && type == Layer4Type.UDP) {
            flags.add(l4 == RxChecksumEvaluation.VALID ? UDP_CHECKSUM_SUCCEEDED : UDP_CHECKSUM_FAILED);
        }
        if (indication.checksum().valuesInvalid()) {
            flags.add(IP_CHECKSUM_VALUE_INVALID);
            flags.add(TCP_CHECKSUM_VALUE_INVALID);
        }
        return flags;
    }
}
