package org.offloadkit.linux;

import java.util.List;

/** Calls every entry point of the harness and prints, one line each, what it threw (or "no refusal"). */
public final class EntryPointProbe {
    private EntryPointProbe() {}

    public static void main(String[] args) {
        NetDevice loopback = new NetDevice("lo", Namespace.host());
        List<Runnable> entryPoints = List.of(
                Namespace::create,
                () -> VethPair.create(new NetDevice("probe0", Namespace.host()), new NetDevice("probe1", Namespace.host())),
                () -> PacketSocket.open(loopback),
                KernelLink::open);
        for (Runnable entryPoint : entryPoints) {
            try {
                entryPoint.run();
                System.out.println("no refusal");
            } catch (RuntimeException e) {
                System.out.println(e.getMessage());
            }
        }
    }
}
