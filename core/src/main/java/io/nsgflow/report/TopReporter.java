package io.nsgflow.report;

import io.nsgflow.format.TableWriter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;

/** {@code top}: the keys that carried the most flows, tuples, packets or bytes, with every count. */
public final class TopReporter extends CountingReporter<TopReporter> {
    public static final String TABLE = "top";

    private final GroupBy by;
    private final Tallies<Object> tallies;
    private final Metric metric;
    private final int limit;

    /** @param limit rows to write; 0 writes all */
    public TopReporter(TableWriter writer, GroupBy by, Metric metric, int limit) {
        super(writer);
        this.by = by;
        this.tallies = tallies(by);
        this.metric = metric;
        this.limit = limit;
    }

    private TopReporter(GroupBy by) {
        this.by = by;
        this.tallies = tallies(by);
        this.metric = null;
        this.limit = 0;
    }

    @SuppressWarnings("unchecked") // keys only ever come from the dimension's own key function
    private static Tallies<Object> tallies(GroupBy by) {
        return new Tallies<>((Dimension<Object>) by.dimension());
    }

    @Override
    public TopReporter partial() {
        return new TopReporter(by);
    }

    @Override
    void count(FlowRow row, boolean tuple, boolean flow) {
        tallies.add(row, tuple, flow);
    }

    @Override
    void mergeCounts(TopReporter later) {
        tallies.merge(later.tallies);
    }

    @Override
    void write(ReadStats stats) {
        tallies.write(writer, TABLE, metric, limit);
    }
}
