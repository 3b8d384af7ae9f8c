package org.offloadkit.fuzz;

import static org.testng.Assert.assertTrue;

import java.nio.file.Files;

import org.offloadkit.testing.Scratch;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Each target fuzzed by Jazzer for a few seconds (8, or {@code -Doffloadkit.fuzz.seconds}) from its corpus:
 * any crash, hang or out-of-memory fails the build with the input that caused it. The longer run is
 * {@code mvn -Pfuzz test-compile exec:exec}.
 */
public class FuzzShortRunTest {
    private static final int SECONDS = Integer.getInteger("offloadkit.fuzz.seconds", 8);

    @DataProvider
    public Object[][] targets() {
        return Fuzzing.targets().stream().map(t -> new Object[] {t}).toArray(Object[][]::new);
    }

    @Test(dataProvider = "targets")
    public void jazzerFindsNothing(Class<?> target) throws Exception {
        Fuzzing.Outcome outcome = Fuzzing.run(target, SECONDS, Scratch.directory("offloadkit-fuzz-"));
        String summary = Fuzzing.summary(outcome);
        System.out.println(target.getSimpleName() + summary);
        assertTrue(outcome.clean(), target.getSimpleName() + summary + "\n" + String.join("\n", Files.readAllLines(outcome.log())));
    }
}
