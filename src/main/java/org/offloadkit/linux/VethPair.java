package org.offloadkit.linux;

/**
 * A veth pair: what one end sends, the other receives. Each end may live in a namespace of its own.
 * Deleting either end, or the namespace it is in, deletes both.
 */
public record VethPair(NetDevice first, NetDevice second) {

    /** Creates the pair, both ends down. */
    public static VethPair create(NetDevice first, NetDevice second) {
        LinuxHost.require();
        if (first.name().equals(second.name()) && first.namespace() == second.namespace()) {
            throw new IllegalArgumentException("both ends of a veth pair are named " + first);
        }
        var command = LinuxHost.command("ip", "link", "add", "name", first.name(), "type", "veth",
                "peer", "name", second.name());
        if (second.namespace() != first.namespace()) {
            command.add("netns");
            // From inside another namespace, the JVM's own is reached through the JVM's pid.
            command.add(second.namespace().isHost() ? Long.toString(ProcessHandle.current().pid()) : second.namespace().name());
        }
        first.namespace().exec(command, "");
        return new VethPair(first, second);
    }

    /** Both ends up; each has its carrier once the other is up. */
    public void up() {
        first.up();
        second.up();
    }

    public void setMtu(int mtu) {
        first.setMtu(mtu);
        second.setMtu(mtu);
    }

    public void delete() {
        first.namespace().exec(LinuxHost.command("ip", "link", "delete", "dev", first.name()), "");
    }
}
