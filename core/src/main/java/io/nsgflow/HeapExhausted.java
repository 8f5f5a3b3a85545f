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

    /**
     * Below this many bytes of heap per key held, the keys cannot be what filled it: the heap went
     * to one huge record: its tuples spill to a file past a few MB, but its header, rules and MACs
     * are held, so one with millions of rules or MACs, or a heap smaller than the spill threshold, can fill it.
     */
    private static final long BYTES_PER_KEY_AT_MOST = 2_000;

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

    /** The one stderr line: what ran out, how many keys were held, and how to give more memory or narrow the input. */
    public static String message(long keys) {
        long max = Runtime.getRuntime().maxMemory();
        String held = "";
        if (keys >= 0) {
            held = String.format(" holding %,d distinct keys (addresses, ports, rules, connections...)", keys);
            if (keys * BYTES_PER_KEY_AT_MOST < max) {
                held += ", too few to fill it: a single record too large to hold (millions of rules or MACs, or a heap of a few MB)";
            }
        }
        return "out of memory: the Java heap (" + (max >> 20) + " MB) is full" + held
                + "; give it more (NSGFLOW_JAVA_OPTS=-Xmx4g bin/nsgflow ..., or java -Xmx4g -jar nsgflow.jar ...)"
                + " or narrow the input (--since/--until, --nsg, fewer files, a filter)";
    }

    /** The distinct keys the answer held when the heap ran out, or -1 when unknown. */
    public long keys() {
        return keys;
    }
}
