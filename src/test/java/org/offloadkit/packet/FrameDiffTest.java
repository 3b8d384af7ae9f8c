package org.offloadkit.packet;

import static org.offloadkit.packet.Frames.ipv4;
import static org.offloadkit.packet.Frames.padded;
import static org.offloadkit.packet.Frames.payload;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.offloadkit.packet.FrameDiff.Difference;
import org.testng.annotations.Test;

/**
 * The expected frame is IPv4 + TCP with 10 bytes of payload, 64 bytes in all: TCP flags at 47, TCP
 * checksum at 50, IPv4 checksum at 24, payload from 54.
 */
public class FrameDiffTest {
    private static final byte[] EXPECTED = ipv4().tcp(40000, 443).flags(TcpFlags.PSH | TcpFlags.ACK)
            .payload(payload(10)).build();

    private static byte[] actual() {
        return EXPECTED.clone();
    }

    @Test
    public void identicalFramesDoNotDiffer() {
        assertEquals(FrameDiff.first(EXPECTED, actual()), Optional.empty());
    }

    @Test
    public void firstDifferenceInWireOrderIsNamed() {
        byte[] actual = actual();
        actual[50] ^= 0x01;                     // TCP checksum
        actual[47] = (byte) (actual[47] | TcpFlags.FIN);
        actual[60] ^= 0x01;                     // payload

        Difference d = FrameDiff.first(EXPECTED, actual).orElseThrow();

        assertEquals(d.field().key(), "tcp.flags");
        assertEquals(d.field().label(), "TCP flags");
        assertEquals(d.field().offset(), 47);
        assertEquals(d.expected(), "0x18 [PSH ACK]");
        assertEquals(d.actual(), "0x19 [FIN PSH ACK]");
        assertEquals(d.toString(), "TCP flags (tcp.flags, offset 47) is 0x19 [FIN PSH ACK], expected 0x18 [PSH ACK]");
    }

    /** A field the spec leaves free (say a checksum the NIC may zero) is masked by its key. */
    @Test
    public void ignoredKeysAreSkipped() {
        byte[] actual = actual();
        Bytes.put16(actual, 24, 0);             // IPv4 header checksum
        Bytes.put16(actual, 50, 0);             // TCP checksum

        assertEquals(FrameDiff.first(EXPECTED, actual, Set.of("ip.checksum")).orElseThrow().field().key(), "tcp.checksum");
        assertEquals(FrameDiff.first(EXPECTED, actual, Set.of("ip.checksum", "tcp.checksum")), Optional.empty());
    }

    @Test
    public void extraBytesAreALengthDifference() {
        byte[] actual = Arrays.copyOf(EXPECTED, 65);

        Difference d = FrameDiff.first(EXPECTED, actual).orElseThrow();

        assertEquals(d.field().key(), "frame.len");
        assertEquals(d.expected(), "64");
        assertEquals(d.actual(), "65");
    }

    /** A fragment of the expected frame fails at the first field it cannot hold, not at its length. */
    @Test
    public void aShortFrameLacksTheFieldsItCut() {
        byte[] actual = Arrays.copyOf(EXPECTED, 40);

        Difference d = FrameDiff.first(EXPECTED, actual).orElseThrow();

        assertEquals(d.field().key(), "tcp.seq");
        assertEquals(d.actual(), "(absent)");
    }

    @Test
    public void paddingIsAFieldOfItsOwn() {
        byte[] expected = padded(ipv4().udp(5000, 53).build(), 60);
        byte[] actual = expected.clone();
        actual[59] = 0x5A;

        assertEquals(FrameDiff.first(expected, actual).orElseThrow().field().key(), "eth.padding");
    }

    @Test
    public void tableMarksExactlyTheDifferingFields() {
        byte[] actual = Arrays.copyOf(EXPECTED, 65);
        actual[47] = (byte) (actual[47] | TcpFlags.FIN);
        Bytes.put16(actual, 50, 0);

        List<String> lines = FrameDiff.table(EXPECTED, actual).lines().toList();
        List<String> marked = lines.stream().filter(line -> line.startsWith("!"))
                .map(line -> line.substring(1).trim().split("\\s+")[0]).toList();

        assertEquals(marked, List.of("tcp.flags", "tcp.checksum", "frame.len"));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("!") && line.contains("0x19 [FIN PSH ACK]")),
                String.join("\n", lines));
    }

    @Test
    public void tableListsEveryFieldOfTheExpectedFrame() {
        List<String> lines = FrameDiff.table(EXPECTED, actual()).lines().toList();

        assertEquals(lines.size(), 1 + 3 + 10 + 9 + 1); // a heading; Ethernet, IPv4, TCP fields; payload
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("!")), String.join("\n", lines));
    }
}
