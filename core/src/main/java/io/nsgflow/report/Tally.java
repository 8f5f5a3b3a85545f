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
 * {@code E} tuples is right; absent counters are zero). Six longs, 64 bytes per group.
 */
final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The columns {@link #write} fills, in order. */
    static final List<Column> COLUMNS = Arrays.stream(Metric.values()).map(Metric::column).toList();

    long flows;
    long allowed;
    long denied;
    long tuples;
    long packets;
    long bytes;

    /** Counts {@code row} as a tuple (with its counters) and/or as a flow. */
    void add(FlowRow row, boolean tuple, boolean flow) {
        if (tuple) {
            tuples++;
            packets = CounterSum.add(packets, row.packets());
            bytes = CounterSum.add(bytes, row.bytes());
        }
        if (flow) {
            flows++;
            if (row.isDenied()) {
                denied++;
            } else {
                allowed++;
            }
        }
    }

    void add(Tally other) {
        flows += other.flows;
        allowed += other.allowed;
        denied += other.denied;
        tuples += other.tuples;
        packets = CounterSum.add(packets, other.packets);
        bytes = CounterSum.add(bytes, other.bytes);
    }

    void write(TableSink w) {
        for (Metric m : Metric.values()) {
            w.integer(m.of(this));
        }
    }
}
