package org.offloadkit.conformance;

import org.testng.SkipException;

/**
 * One row of a data provider: a vector, or the reason there is none for this DUT, so that a requirement
 * with nothing to judge shows as skipped with its reason instead of vanishing from the report.
 */
public record Case<T>(T vector, String notApplicable) {

    public static <T> Case<T> of(T vector) {
        return new Case<>(vector, null);
    }

    public static <T> Case<T> none(String reason) {
        return new Case<>(null, reason);
    }

    /** The vector; skips the test with the reason when there is none. */
    public T get() {
        if (vector == null) {
            throw new SkipException(notApplicable);
        }
        return vector;
    }

    @Override
    public String toString() {
        return vector == null ? "(none)" : vector.toString();
    }
}
