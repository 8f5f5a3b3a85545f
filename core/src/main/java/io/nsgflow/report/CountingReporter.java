package io.nsgflow.report;

import io.nsgflow.result.TableSink;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;

/**
 * The lifecycle of every aggregating reporter: each row is counted as a tuple, and as a flow when
 * {@link FlowIdentity} says so; orphans still pending at the end are counted as flows by their
 * first tuple; only then is anything written. Nothing is written before {@link #finish}, so that
 * partial instances sharing one writer can read parts of the input and be merged in input order.
 *
 * @param <R> the concrete reporter
 */
abstract class CountingReporter<R extends CountingReporter<R>> implements Reporter, Mergeable<R>, CarriesConnections {
    final TableSink writer;
    private final FlowIdentity identity = new FlowIdentity();

    CountingReporter(TableSink writer) {
        this.writer = writer;
    }

    @Override
    public final void accept(FlowRow row) {
        count(row, true, identity.countsNow(row));
    }

    @Override
    public final void finish(ReadStats stats) {
        for (FlowRow first : identity.drainPending()) {
            count(first, false, true);
        }
        write(stats);
        writer.finish();
    }

    /** Appends {@code later}, which read the input that follows this one's. */
    @Override
    public final void merge(R later) {
        identity.merge(((CountingReporter<?>) later).identity);
        mergeCounts(later);
    }

    @Override
    public final void carry(long[] keys) {
        identity.carry(keys);
    }

    @Override
    public final long[] openConnections() {
        return identity.openKeys();
    }

    /** Adds {@code row} to every aggregate, as a tuple (with its counters) and/or as a flow. */
    abstract void count(FlowRow row, boolean tuple, boolean flow);

    /** Adds {@code later}'s aggregates into this one's. */
    abstract void mergeCounts(R later);

    /** Writes the tables; the writer is finished afterwards. */
    abstract void write(ReadStats stats);
}
