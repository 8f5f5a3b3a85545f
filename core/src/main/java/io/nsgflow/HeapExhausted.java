package io.nsgflow;

/**
 * The Java heap ran out while an answer was being built: what the user is told instead of an
 * {@link OutOfMemoryError}'s trace. Memory grows with the distinct keys an answer holds, not with
 * the input's size, so the message says how many were held, how large the heap was, and the two
 * ways out: a larger heap, or a narrower input.
 */
public final class HeapExhausted extends RuntimeException {
    /**
     * Memory set aside at start-up and released when the heap runs out, so that saying so (a
     * message, an exception, a line on stderr) cannot itself fail for want of a few bytes.
     */
    private static volatile byte[] reserve = new byte[1 << 20];

    private final long keys;

    private HeapExhausted(long keys, OutOfMemoryError cause) {
        super("out of memory", cause, false, false);
        this.keys = keys;
    }

    /** Releases the reserve and wraps {@code cause}; {@code keys} is what the answer held, or -1 when unknown. */
    static HeapExhausted of(long keys, OutOfMemoryError cause) {
        release();
        return new HeapExhausted(keys, cause);
    }

    /** Gives the reserve back to the heap; once, the first time the heap runs out. */
    public static void release() {
        reserve = null;
    }

    /** The one stderr line: what ran out, how many keys were held, and how to get an answer. */
    public static String message(long keys) {
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        String held = keys >= 0 ? String.format(" holding %,d distinct keys (addresses, ports, rules, connections...)", keys) : "";
        return "out of memory: the Java heap (" + mb + " MB) is full" + held
                + "; give it more (NSGFLOW_JAVA_OPTS=-Xmx4g bin/nsgflow ..., or java -Xmx4g -jar nsgflow.jar ...)"
                + " or narrow the input (--since/--until, --nsg, fewer files, a filter)";
    }

    /** The distinct keys the answer held when the heap ran out, or -1 when unknown. */
    public long keys() {
        return keys;
    }
}
