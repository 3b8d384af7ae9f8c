package org.offloadkit.linux;

import static org.awaitility.Awaitility.await;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Packet sockets on the two ends of a veth pair (GRO off, MTU 1500): frames in, frames out, as they are. */
public class PacketSocketTest {
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    /** Long enough for a frame that was going to arrive to have arrived: it takes microseconds. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private Namespace namespace;
    private PacketSocket a;
    private PacketSocket b;

    @BeforeClass
    public void openSockets() {
        SkipWithoutRoot.check();
        namespace = Namespace.create();
        namespace.setSysctl("net.ipv6.conf.default.disable_ipv6", "1");
        VethPair pair = VethPair.create(new NetDevice("a", namespace), new NetDevice("b", namespace));
        pair.up();
        await().atMost(GENEROUS).until(() -> pair.first().isUp() && pair.second().isUp());
        a = PacketSocket.open(pair.first());
        b = PacketSocket.open(pair.second());
    }

    @AfterClass(alwaysRun = true)
    public void close() {
        if (namespace != null) {
            a.close();
            b.close();
            namespace.close();
        }
    }

    /** Sent as a batch, received in order, byte for byte, with a header that reports no offload. */
    @Test
    public void framesArriveUnchangedAndInOrder() {
        List<byte[]> frames = IntStream.range(0, 10)
                .mapToObj(i -> LinkFrames.tcp4().ipId(i).seq(1000L * i).payload(LinkFrames.payload(i * 100, 100)).build())
                .toList();

        a.sendAll(frames.stream().map(VnetFrame::plain).toList());
        List<VnetFrame> received = b.receive(10, GENEROUS);

        assertEquals(received.size(), 10);
        for (int i = 0; i < 10; i++) {
            assertEquals(received.get(i).frame(), frames.get(i), "frame " + i);
            assertEquals(received.get(i).header(), VirtioNetHdr.NONE, "header of frame " + i);
        }
    }

    /** A receive waits for its count, and no longer than its deadline: then it hands back what came. */
    @Test
    public void receiveStopsAtTheDeadlineWithWhatArrived() {
        a.send(LinkFrames.tcp4().ipId(1).build());
        a.send(LinkFrames.tcp4().ipId(2).build());

        List<VnetFrame> received = b.receive(3, QUIET);

        assertEquals(received.stream().map(r -> LinkFrames.ipv4Id(r.frame())).toList(), List.of(1, 2));
    }

    /** A socket sees what arrives on its device, not what its device sends. */
    @Test
    public void aSocketDoesNotSeeWhatItsDeviceSends() {
        a.send(LinkFrames.tcp4().ipId(3).build());

        assertEquals(b.receive(1, GENEROUS).size(), 1);
        assertEquals(a.receive(1, QUIET), List.of());
    }

    /** Without GSO a frame must fit the MTU; the kernel's refusal comes back with its errno. */
    @Test
    public void aFrameOverTheMtuIsRefused() {
        byte[] jumbo = LinkFrames.tcp4().payload(LinkFrames.payload(2000)).build();

        IllegalStateException e = expectThrows(IllegalStateException.class, () -> a.send(jumbo));

        assertTrue(e.getMessage().contains("Message too long"), e.getMessage());
        assertTrue(e.getMessage().contains("frame 1 of 1"), e.getMessage());
    }
}
