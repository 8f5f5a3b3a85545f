package io.nsgflow.report;

import io.nsgflow.model.Action;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import java.util.function.Predicate;

/**
 * A reporter that sees only some of the rows: in one pass, a report's "denied traffic" view is
 * what {@code top --action deny} prints, beside views of all the traffic.
 *
 * @param <R> the reporter inside, which merges its own kind
 */
public final class RowSubset<R extends Reporter & Mergeable<R>> implements Reporter, Mergeable<RowSubset<R>> {
    /** The rows a rule denied; the same test as the {@code --action deny} filter. */
    public static final Predicate<FlowRow> DENIED = row -> row.action() == Action.DENY;

    private final Predicate<FlowRow> rows;
    private final R reporter;

    public RowSubset(Predicate<FlowRow> rows, R reporter) {
        this.rows = rows;
        this.reporter = reporter;
    }

    @Override
    public void accept(FlowRow row) {
        if (rows.test(row)) {
            reporter.accept(row);
        }
    }

    @Override
    public void finish(ReadStats stats) {
        reporter.finish(stats);
    }

    @Override
    public long keysHeld() {
        return reporter.keysHeld();
    }

    @Override
    public void stop() {
        reporter.stop();
    }

    @Override
    public RowSubset<R> partial() {
        return new RowSubset<>(rows, reporter.partial());
    }

    @Override
    public void merge(RowSubset<R> later) {
        reporter.merge(later.reporter);
    }
}
