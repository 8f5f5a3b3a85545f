package io.nsgflow.report;

import io.nsgflow.format.TableWriter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;

/** {@code top}: the keys that carried the most flows, tuples, packets or bytes, with every count. */
public final class TopReporter extends CountingReporter<TopReporter> {
    public static final String TABLE = "top";

    private final Tallies<Object> tallies;
    private final Metric metric;
    private final int limit;

    /** @param limit rows to write; 0 writes all */
    @SuppressWarnings("unchecked") // keys only ever come from the dimension's own key function
    public TopReporter(TableWriter writer, GroupBy by, Metric metric, int limit) {
        super(writer);
        this.tallies = new Tallies<>((Dimension<Object>) by.dimension());
        this.metric = metric;
        this.limit = limit;
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
