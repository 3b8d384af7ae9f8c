package org.offloadkit.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Vectors for one offload derived from a capture as it streams by, handed out in groups of neighbouring
 * packets: only the group being filled (and what an offload keeps per flow) is in memory, whatever the size
 * of the capture.
 */
public abstract class Derivation<V> implements Iterator<VectorGroup<V>> {
    private final CaptureFrames frames;
    private final int groupSize;
    private final Tally tally = new Tally();
    private final ArrayDeque<VectorGroup<V>> ready = new ArrayDeque<>();
    private List<V> filling = new ArrayList<>();
    private long first = Long.MAX_VALUE;
    private long last;
    private boolean ended;

    protected Derivation(CaptureFrames frames, int groupSize) {
        this.frames = frames;
        this.groupSize = groupSize;
    }

    /** Looks at the next packet: derives from it, keeps it for later, or skips it with {@link #skip}. */
    protected abstract void take(CapturedFrame frame);

    /** The capture has ended: derive from whatever is kept. */
    protected void flush() {}

    protected final void emit(V vector, long firstPacket, long lastPacket, long packetsUsed) {
        filling.add(vector);
        first = Math.min(first, firstPacket);
        last = Math.max(last, lastPacket);
        tally.vectors(1);
        tally.used(packetsUsed);
        if (filling.size() == groupSize) {
            closeGroup();
        }
    }

    protected final void skip(SkipReason reason) {
        tally.skip(reason);
    }

    protected final void skip(SkipReason reason, long count) {
        tally.skip(reason, count);
    }

    private void closeGroup() {
        if (!filling.isEmpty()) {
            ready.add(new VectorGroup<>(frames.name(), first, last, filling));
            filling = new ArrayList<>();
            first = Long.MAX_VALUE;
            last = 0;
        }
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !ended) {
            CapturedFrame frame = frames.next();
            if (frame == null) {
                ended = true;
                flush();
                closeGroup();
            } else {
                tally.packet();
                take(frame);
            }
        }
        return !ready.isEmpty();
    }

    @Override
    public VectorGroup<V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    public Tally tally() {
        return tally;
    }

    public CaptureFrames frames() {
        return frames;
    }

    /** "vlan-ipv4-options-tcp": what a packet is, in the words the corpus names its vectors with. */
    static String describe(org.offloadkit.packet.FrameLayout l) {
        StringBuilder s = new StringBuilder();
        if (l.vlanTags() > 0) {
            s.append("vlan-");
        }
        s.append(l.isIPv4() ? "ipv4" : "ipv6");
        switch (l.layer3Type()) {
            case IPV4_WITH_OPTIONS -> s.append("-options");
            case IPV6_WITH_EXTENSIONS -> s.append("-extensions");
            default -> { }
        }
        s.append(l.isTcp() ? "-tcp" : l.isUdp() ? "-udp" : "");
        return s.toString();
    }
}
