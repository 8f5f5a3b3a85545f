package io.nsgflow.report;

import io.nsgflow.result.Column;
import io.nsgflow.result.TableSink;
import io.nsgflow.model.FlowRow;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The counts every answer shares, for one group of rows: flows (allowed and denied), tuples, and
 * packets and bytes summed over both directions (counters are deltas, so summing {@code C} and
 * {@code E} tuples is right; absent counters are zero). Six longs, in an array so
 * that a {@link TallyIndex} can hold a key's counts without the object.
 */
final class Tally implements Serializable {
    private static final long serialVersionUID = 2L;
    /** The counts a tally holds, in this order: flows, allowed, denied, tuples, packets, bytes. */
    static final int SIZE = 6;
    private static final int FLOWS = 0;
    private static final int ALLOWED = 1;
    private static final int DENIED = 2;
    private static final int TUPLES = 3;
    private static final int PACKETS = 4;
    private static final int BYTES = 5;

    /** The columns {@link #write} fills, in order. */
    static final List<Column> COLUMNS = Arrays.stream(Metric.values()).map(Metric::column).toList();

    private final long[] counts = new long[SIZE];

    /** A copy of the {@link #SIZE} counts at {@code c[at]} (a {@link TallyIndex} holds its tallies so). */
    static Tally of(long[] c, int at) {
        Tally t = new Tally();
        System.arraycopy(c, at, t.counts, 0, SIZE);
        return t;
    }

    long flows() {
        return counts[FLOWS];
    }

    long allowed() {
        return counts[ALLOWED];
    }

    long denied() {
        return counts[DENIED];
    }

    long tuples() {
        return counts[TUPLES];
    }

    long packets() {
        return counts[PACKETS];
    }

    long bytes() {
        return counts[BYTES];
    }

    /** Counts {@code row} as a tuple (with its counters) and/or as a flow. */
    void add(FlowRow row, boolean tuple, boolean flow) {
        count(counts, 0, row, tuple, flow);
    }

    /** Counts {@code row} into the {@link #SIZE} counts at {@code c[at]}, as {@link #add(FlowRow, boolean, boolean)} does. */
    static void count(long[] c, int at, FlowRow row, boolean tuple, boolean flow) {
        if (tuple) {
            c[at + TUPLES]++;
            c[at + PACKETS] = CounterSum.add(c[at + PACKETS], row.packets());
            c[at + BYTES] = CounterSum.add(c[at + BYTES], row.bytes());
        }
        if (flow) {
            c[at + FLOWS]++;
            if (row.isDenied()) {
                c[at + DENIED]++;
            } else {
                c[at + ALLOWED]++;
            }
        }
    }

    void add(Tally other) {
        addTo(counts, 0, other);
    }

    /** Adds {@code t}'s counts into the {@link #SIZE} counts at {@code c[at]}. */
    static void addTo(long[] c, int at, Tally t) {
        c[at + FLOWS] += t.counts[FLOWS];
        c[at + ALLOWED] += t.counts[ALLOWED];
        c[at + DENIED] += t.counts[DENIED];
        c[at + TUPLES] += t.counts[TUPLES];
        c[at + PACKETS] = CounterSum.add(c[at + PACKETS], t.counts[PACKETS]);
        c[at + BYTES] = CounterSum.add(c[at + BYTES], t.counts[BYTES]);
    }

    /** Equal when every count is: a tally read out of a {@link TallyIndex} is a copy of its counts. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tally t && Arrays.equals(counts, t.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    void write(TableSink w) {
        for (Metric m : Metric.values()) {
            w.integer(m.of(this));
        }
    }
}
