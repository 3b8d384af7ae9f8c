package org.offloadkit.packet;

import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.offloadkit.packet.CorpusFrames.CorpusFrame;
import org.testng.annotations.Test;

/**
 * The parser reads frames off the wire from a device under test, so any bytes at all must give a result,
 * never an exception, and a layout it gives must stay inside the frame. Truncations are copies, not a
 * shorter {@code length}, so a read past the end cannot go unnoticed.
 */
public class FrameParserRobustnessTest {
    private static final long SEED = 0x5EED_0F_B17E5L;
    private static final int CORRUPTIONS = 5000;
    /** Every header in the corpus but the 200-byte destination options lies in the first 128 bytes. */
    private static final int HEADER_REGION = 128;

    @Test
    public void everyCorpusFrameParses() {
        for (CorpusFrame frame : CorpusFrames.all()) {
            ParseResult result = FrameParser.parse(frame.bytes());
            assertTrue(result instanceof FrameLayout, frame + ": " + result);
        }
    }

    @Test
    public void everyTruncationOfEveryCorpusFrameGivesAResult() {
        for (CorpusFrame frame : CorpusFrames.all()) {
            for (int length = 0; length <= frame.bytes().length; length++) {
                byte[] cut = Arrays.copyOf(frame.bytes(), length);
                assertSane(parse(cut, frame + " cut to " + length), cut, frame + " cut to " + length);
            }
        }
    }

    /** Without Ethernet padding an IP datagram ends the frame, so any cut lands inside it. */
    @Test
    public void aCutInsideTheIpDatagramIsMalformed() {
        for (CorpusFrame frame : ipFrames()) {
            for (int length = 0; length < frame.bytes().length; length++) {
                String what = frame + " cut to " + length;
                ParseResult result = parse(Arrays.copyOf(frame.bytes(), length), what);
                assertTrue(result instanceof Malformed, what + ": " + result);
            }
        }
    }

    @Test
    public void randomSingleByteCorruptionsGiveAResult() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<CorpusFrame> frames = CorpusFrames.all();
        for (int i = 0; i < CORRUPTIONS; i++) {
            CorpusFrame frame = frames.get(random.nextInt(frames.size()));
            byte[] corrupted = frame.bytes().clone();
            int offset = random.nextInt(Math.min(corrupted.length, HEADER_REGION));
            int value = random.nextInt(256);
            corrupted[offset] = (byte) value;
            String what = String.format("%s with byte %d set to 0x%02x (seed 0x%x, corruption %d)", frame, offset, value, SEED, i);
            assertSane(parse(corrupted, what), corrupted, what);
        }
    }

    private static List<CorpusFrame> ipFrames() {
        return CorpusFrames.all().stream()
                .filter(f -> FrameParser.parse(f.bytes()).layout().layer3Type() != Layer3Type.UNSPECIFIED)
                .toList();
    }

    private static ParseResult parse(byte[] frame, String what) {
        try {
            ParseResult result = FrameParser.parse(frame);
            if (result == null) {
                fail(what + ": no result");
            }
            return result;
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": parse threw " + e, e);
        }
    }

    /** A layout stays inside the frame and inside NET_PACKET_LAYOUT's bit fields; a malformation points into the frame. */
    private static void assertSane(ParseResult result, byte[] frame, String what) {
        if (result instanceof Malformed malformed) {
            assertTrue(malformed.offset() >= 0 && malformed.offset() <= frame.length, what + ": " + malformed);
            return;
        }
        FrameLayout layout = (FrameLayout) result;
        String context = what + ": " + layout;
        assertTrue(layout.layer4Offset() + layout.layer4Length() <= layout.ipEnd(), context);
        assertTrue(layout.ipEnd() <= frame.length, context);
        assertTrue(layout.layer2Length() <= 127 && layout.layer3Length() <= 511 && layout.layer4Length() <= 255, context);
        if (layout.layer3Type() != Layer3Type.UNSPECIFIED) {
            int addressLength = layout.isIPv4() ? 4 : 16;
            assertTrue(layout.pseudoDestination() >= layout.layer3Offset()
                    && layout.pseudoDestination() + addressLength <= layout.layer4Offset(), context);
        }
    }

    @Test
    public void aLengthOutsideTheArrayIsTheCallersMistake() {
        byte[] frame = CorpusFrames.all().get(0).bytes();
        org.testng.Assert.expectThrows(IndexOutOfBoundsException.class, () -> FrameParser.parse(frame, frame.length + 1));
        org.testng.Assert.expectThrows(IndexOutOfBoundsException.class, () -> FrameParser.parse(frame, -1));
    }
}
