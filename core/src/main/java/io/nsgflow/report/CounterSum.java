package io.nsgflow.report;

/**
 * Adds packet and byte counters exactly. The decoder already refuses a counter above
 * {@code TupleFields.MAX_COUNTER}, so a total can only pass {@link Long#MAX_VALUE} when thousands
 * of such absurd counters add up; then the run stops with {@link Overflow} rather than print a
 * wrapped, negative number. {@link Math#addExact} is a JIT intrinsic: one overflow-flag branch.
 */
public final class CounterSum {
    private CounterSum() {
    }

    static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new Overflow();
        }
    }

    /** A sum of counters that does not fit a long: no total would be true, so no answer is given. */
    public static final class Overflow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overflow() {
            super("packets or bytes summed past " + Long.MAX_VALUE + ": counters this large are not real traffic;"
                    + " no answer written (narrow the input with filters to find the tuples)", null, false, false);
        }
    }
}
