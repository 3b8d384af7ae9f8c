package org.offloadkit.framework.keywords;

import static org.testng.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import org.testng.annotations.Test;

/**
 * Vendors hand the kit their own files: whatever the bytes, the readers give findings, never an exception.
 * Every truncation and thousands of seeded corruptions of the fixtures must read.
 */
public class KeywordReadersRobustnessTest {
    private static final long SEED = 0x1AF_0FF10ADL;
    private static final byte[] NASTY = {'"', ';', '\\', '%', '[', ']', ',', '=', '\n', '\r', 0, (byte) 0xFF, (byte) 0xFE, ':', '-'};

    @Test
    public void infFilesCutAnywhereOrCorruptedStillRead() {
        for (String name : List.of("standard.inf", "deviations.inf", "malformed.inf")) {
            byte[] bytes = Fixtures.bytes("inf/" + name);
            SplittableRandom random = new SplittableRandom(SEED);
            for (int cut = 0; cut <= bytes.length; cut += 7) {
                readInf(name, java.util.Arrays.copyOf(bytes, cut));
            }
            for (int i = 0; i < 1500; i++) {
                readInf(name, corrupt(bytes, random));
            }
        }
    }

    @Test
    public void registrySettingsCutAnywhereOrCorruptedStillRead() {
        for (String name : List.of("adapter.reg", "adapter.yaml", "malformed.yaml")) {
            byte[] bytes = Fixtures.bytes("registry/" + name);
            SplittableRandom random = new SplittableRandom(SEED);
            for (int cut = 0; cut <= bytes.length; cut += 3) {
                readRegistry(name, java.util.Arrays.copyOf(bytes, cut));
            }
            for (int i = 0; i < 1500; i++) {
                readRegistry(name, corrupt(bytes, random));
            }
        }
    }

    private static byte[] corrupt(byte[] bytes, SplittableRandom random) {
        byte[] copy = bytes.clone();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            copy[random.nextInt(copy.length)] = random.nextBoolean() ? NASTY[random.nextInt(NASTY.length)] : (byte) random.nextInt(256);
        }
        return copy;
    }

    private static void readInf(String name, byte[] bytes) {
        try {
            KeywordReport.read(name, new String(bytes, StandardCharsets.ISO_8859_1), null, null);
        } catch (RuntimeException e) {
            fail(name + " (" + bytes.length + " bytes) threw " + e + "\n" + new String(bytes, StandardCharsets.ISO_8859_1), e);
        }
    }

    private static void readRegistry(String name, byte[] bytes) {
        try {
            KeywordReport.read(null, null, name, bytes);
        } catch (RuntimeException e) {
            fail(name + " (" + bytes.length + " bytes) threw " + e, e);
        }
    }
}
