package org.offloadkit.replay;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What a capture is replayed for; {@code --offloads} names them. */
public enum Offload {
    TX_CHECKSUM("tx-checksum", "Tx checksum: each TCP/UDP packet as the stack hands it over, checksums Required"),
    RX_CHECKSUM("rx-checksum", "Rx checksum: each packet as received, judged by the reference"),
    LSO("lso", "TCP large send: in-order data segments of a flow rebuilt into the large send, with their MSS"),
    USO("uso", "UDP segmentation: same-size datagrams of a flow rebuilt into the large send, with their size as MSS"),
    RSC("rsc", "Coalescing: the TCP segments in capture order, in receive batches, beside the reference coalescer");

    public final String label;
    public final String description;

    Offload(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public static List<Offload> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Offload::named).toList();
    }

    public static Offload named(String label) {
        return Arrays.stream(values()).filter(o -> o.label.equals(label)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no offload named '" + label + "'; the kit replays " + all()));
    }

    public static String all() {
        return Arrays.stream(values()).map(o -> o.label).collect(Collectors.joining(","));
    }
}
