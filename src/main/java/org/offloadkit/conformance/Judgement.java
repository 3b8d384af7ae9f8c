package org.offloadkit.conformance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.offloadkit.report.Requirement;

/**
 * One requirement's conformance test, called on a vector of the caller's choosing rather than its data
 * provider's: replay judges the vectors it derives from captures with the very tests the corpus is judged by.
 * A test's failure, DUT fault or skip comes through as it threw it.
 */
public record Judgement<T>(String requirement, String title, Object suite, Method test) {
    private static final Map<String, Judgement<?>> KNOWN = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Object> SUITES = new ConcurrentHashMap<>();

    /** The test method {@code method} of {@code suite}, which takes one {@link Case} and carries a {@link Requirement}. */
    @SuppressWarnings("unchecked")
    public static <T> Judgement<T> of(Class<?> suite, String method) {
        return (Judgement<T>) KNOWN.computeIfAbsent(suite.getName() + "#" + method, key -> {
            try {
                Method test = suite.getMethod(method, Case.class);
                Requirement requirement = test.getAnnotation(Requirement.class);
                if (requirement == null) {
                    throw new IllegalArgumentException(key + " carries no @Requirement");
                }
                Object instance = SUITES.computeIfAbsent(suite, Judgement::instantiate);
                return new Judgement<>(requirement.value(), requirement.title(), instance, test);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("no test " + key + "(Case)", e);
            }
        });
    }

    private static Object instantiate(Class<?> suite) {
        try {
            return suite.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + suite.getName() + ": " + e, e);
        }
    }

    /** Runs the test on {@code vector}. */
    public void judge(T vector) {
        try {
            test.invoke(suite, Case.of(vector));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
