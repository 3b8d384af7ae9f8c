package org.offloadkit.packet;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Field-by-field comparison of an actual frame with the expected one. */
public final class FrameDiff {
    private FrameDiff() {}

    /**
     * A field whose bytes differ.
     *
     * @param field    the field, positioned as in the expected frame
     * @param expected its value in the expected frame
     * @param actual   its value in the actual frame
     */
    public record Difference(Field field, String expected, String actual) {
        @Override
        public String toString() {
            return field.label() + " (" + field.key() + ", offset " + field.offset() + ") is " + actual
                    + ", expected " + expected;
        }
    }

    /** The first field, in wire order, that differs; keys in {@code ignored} are left out. */
    public static Optional<Difference> first(byte[] expected, byte[] actual, Set<String> ignored) {
        return firstField(expected, actual, field -> !ignored.contains(field.key())).or(() -> {
            if (actual.length == expected.length) {
                return Optional.empty();
            }
            Field frame = new Field("frame.len", "frame length", 0, 0, Field.Format.DECIMAL);
            return Optional.of(new Difference(frame, Integer.toString(expected.length), Integer.toString(actual.length)));
        });
    }

    /** The first field, in wire order, among those {@code judged} takes, that differs; the frames' lengths are not compared. */
    public static Optional<Difference> firstField(byte[] expected, byte[] actual, Predicate<Field> judged) {
        for (Field field : FrameFields.decode(expected)) {
            if (judged.test(field) && (!field.fitsIn(actual) || !field.sameIn(expected, actual))) {
                return Optional.of(new Difference(field, field.valueIn(expected), field.valueIn(actual)));
            }
        }
        return Optional.empty();
    }

    public static Optional<Difference> first(byte[] expected, byte[] actual) {
        return first(expected, actual, Set.of());
    }

    /** Every field of the expected frame beside its actual value, differences marked with '!'. */
    public static String table(byte[] expected, byte[] actual) {
        List<Field> fields = FrameFields.decode(expected);
        StringBuilder s = new StringBuilder(String.format("  %-22s %6s  %-36s %s%n", "field", "offset", "expected", "actual"));
        for (Field field : fields) {
            boolean same = field.fitsIn(actual) && field.sameIn(expected, actual);
            s.append(String.format("%s %-22s %6d  %-36s %s%n", same ? " " : "!", field.key(), field.offset(),
                    field.valueIn(expected), same ? "" : field.valueIn(actual)));
        }
        if (actual.length != expected.length) {
            s.append(String.format("! %-22s %6s  %-36s %s%n", "frame.len", "", expected.length, actual.length));
        }
        return s.toString();
    }
}
