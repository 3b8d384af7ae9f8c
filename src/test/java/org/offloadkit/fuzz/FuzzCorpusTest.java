package org.offloadkit.fuzz;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.fail;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.testng.annotations.AfterClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Every input of every target's committed corpus, replayed without Jazzer: the seeds and each input that
 * once crashed, hung or ran out of memory (files named {@code crash-*}, {@code timeout-*}, {@code oom-*})
 * must pass the target's checks within its time limit, so a fixed bug stays fixed.
 */
public class FuzzCorpusTest {
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-corpus");
        t.setDaemon(true);
        return t;
    });

    @AfterClass(alwaysRun = true)
    public void stop() {
        runner.shutdownNow();
    }

    @Test
    public void everyTargetHasACorpusAndEveryCorpusATarget() throws IOException {
        List<String> targets = Fuzzing.targets().stream().map(Class::getSimpleName).sorted().toList();
        assertFalse(targets.isEmpty(), "no fuzz targets found");
        try (Stream<Path> dirs = Files.list(Fuzzing.corpus(Fuzzing.class).getParent())) {
            assertEquals(dirs.map(d -> d.getFileName().toString()).sorted().toList(), targets);
        }
        for (Class<?> target : Fuzzing.targets()) {
            assertFalse(inputs(target).isEmpty(), target.getSimpleName() + " has no seeds");
        }
    }

    @DataProvider
    public Object[][] inputs() throws IOException {
        List<Object[]> cases = new ArrayList<>();
        for (Class<?> target : Fuzzing.targets()) {
            for (Path input : inputs(target)) {
                cases.add(new Object[] {target.getSimpleName(), input.getFileName().toString()});
            }
        }
        return cases.toArray(Object[][]::new);
    }

    @Test(dataProvider = "inputs")
    public void inputPassesItsTarget(String target, String input) throws Exception {
        Class<?> type = Class.forName(Fuzzing.class.getPackageName() + "." + target);
        Method entry = type.getMethod("fuzzerTestOneInput", byte[].class);
        byte[] bytes = Files.readAllBytes(Fuzzing.corpus(type).resolve(input));
        Future<?> run = runner.submit(() -> {
            entry.invoke(null, (Object) bytes);
            return null;
        });
        try {
            run.get(Fuzzing.INPUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            fail(target + " did not finish " + input + " in " + Fuzzing.INPUT_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException i ? i.getCause() : e.getCause();
            throw new AssertionError(target + " failed on " + input + ": " + cause, cause);
        }
    }

    private static List<Path> inputs(Class<?> target) throws IOException {
        Path dir = Fuzzing.corpus(target);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
