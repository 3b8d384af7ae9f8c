package org.offloadkit.dut.linux;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.offloadkit.linux.KernelLink;
import org.offloadkit.linux.Namespace;
import org.offloadkit.linux.NetDevice;
import org.offloadkit.linux.VethPair;

/**
 * The device under test and the port cabled to it, which sends what the device receives and captures what
 * it sends. The peer sends with its own offloads off and receives with coalescing off, so that what it
 * captures is what was on the wire.
 */
abstract class Ports implements AutoCloseable {
    /**
     * Offloads off on the peer: it sends plain frames (so a veth device takes its NAPI and GRO path) and
     * captures the wire as it was, uncoalesced.
     */
    private static final Map<String, Boolean> PEER_FEATURES = Map.of("tx-checksumming", false,
            "tcp-segmentation-offload", false, EthtoolCapabilities.USO, false, EthtoolCapabilities.GRO, false,
            EthtoolCapabilities.GRO_HW, false, EthtoolCapabilities.LRO, false);
    /** What the kit switches on a device, and so puts back on ports it did not make. */
    private static final List<String> SWITCHED = List.of("tx-checksumming", "tcp-segmentation-offload",
            EthtoolCapabilities.TX_CHECKSUM_IPV4, EthtoolCapabilities.TX_CHECKSUM_IPV6, EthtoolCapabilities.TX_CHECKSUM_GENERIC,
            EthtoolCapabilities.RX_CHECKSUM, EthtoolCapabilities.TSO_IPV4, EthtoolCapabilities.TSO_IPV6,
            EthtoolCapabilities.USO, EthtoolCapabilities.GRO_HW, EthtoolCapabilities.LRO, EthtoolCapabilities.GRO);
    private static final Duration CARRIER = Duration.ofSeconds(10);

    final NetDevice device;
    final NetDevice peer;

    private Ports(NetDevice device, NetDevice peer) {
        this.device = device;
        this.peer = peer;
    }

    /** A veth pair of its own in a namespace of its own, both ends at veth's largest MTU. */
    static Ports veth() {
        Namespace namespace = Namespace.create();
        try {
            KernelLink.quiet(namespace);
            VethPair pair = VethPair.create(new NetDevice("dut0", namespace), new NetDevice("peer0", namespace));
            pair.setMtu(65535);
            Ports ports = new Ports(pair.first(), pair.second()) {
                @Override
                public void close() {
                    namespace.close();
                }

                @Override
                public String toString() {
                    return "veth dut0 (device) and peer0 (its peer) in " + namespace;
                }
            };
            ports.prepare();
            return ports;
        } catch (RuntimeException | Error e) {
            namespace.close();
            throw e;
        }
    }

    /**
     * Two ports of this host cabled back to back. What the kit changes on them (features, the NAPI settings
     * of the device) is put back when the run ends, also when the JVM is stopped.
     */
    static Ports cabled(String deviceName, String peerName) {
        NetDevice device = new NetDevice(deviceName, Namespace.host());
        NetDevice peer = new NetDevice(peerName, Namespace.host());
        device.ifindex();
        peer.ifindex();
        Map<String, Boolean> deviceFeatures = changeable(device);
        Map<String, Boolean> peerFeatures = changeable(peer);
        Map<String, String> napi = new LinkedHashMap<>();
        for (String attribute : List.of("gro_flush_timeout", "napi_defer_hard_irqs")) {
            napi.put(attribute, device.sysfs(attribute));
        }
        Runnable restore = () -> {
            device.setFeatures(deviceFeatures);
            peer.setFeatures(peerFeatures);
            napi.forEach(device::setSysfs);
        };
        Thread hook = new Thread(restore, "offloadkit port restore");
        Runtime.getRuntime().addShutdownHook(hook);
        Ports ports = new Ports(device, peer) {
            @Override
            public void close() {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    return; // the JVM is exiting: the hook restores
                }
                restore.run();
            }

            @Override
            public String toString() {
                return deviceName + " (device) cabled to " + peerName + " (its peer)";
            }
        };
        try {
            ports.prepare();
            return ports;
        } catch (RuntimeException | Error e) {
            ports.close();
            throw e;
        }
    }

    private void prepare() {
        Map<String, Boolean> peerFeatures = new LinkedHashMap<>();
        Map<String, NetDevice.Feature> states = peer.featureStates();
        PEER_FEATURES.forEach((feature, on) -> {
            if (states.containsKey(feature) && !states.get(feature).fixed()) {
                peerFeatures.put(feature, on);
            }
        });
        peer.setFeatures(peerFeatures);
        device.up();
        peer.up();
        await("carrier on " + device + " and " + peer).atMost(CARRIER).until(() -> device.isUp() && peer.isUp());
    }

    @Override
    public abstract void close();

    private static Map<String, Boolean> changeable(NetDevice device) {
        Map<String, Boolean> states = new LinkedHashMap<>();
        device.featureStates().forEach((feature, state) -> {
            if (!state.fixed() && SWITCHED.contains(feature)) {
                states.put(feature, state.on());
            }
        });
        return states;
    }
}
