package io.nsgflow.report;

import io.nsgflow.model.LogFormat;

import java.util.List;

import io.nsgflow.result.TableSink;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import java.io.Serializable;

/**
 * The lifecycle of every aggregating reporter: each row is counted as a tuple, and as a flow when
 * {@link FlowIdentity} says so; only at {@link #finish} is anything written. A partial (made by
 * {@link #partial()}, with no writer) reads a slice of the input that may follow others and is
 * merged, in input order, into the instance that read from the start, which writes the answer.
 * A partial is {@link Serializable}: read on another machine (a Spark task), it travels to the
 * one that merges ({@link io.nsgflow.cli.DistributedRead}); its state is plain data for that reason.
 *
 * @param <R> the concrete reporter
 */
abstract class CountingReporter<R extends CountingReporter<R>> implements Reporter, Mergeable<R>, CarriesConnections,
        Serializable {
    private static final long serialVersionUID = 1L;

    /** Where the answer goes; null in a partial, which never writes (nor is sent anywhere with it). */
    final transient TableSink writer;
    private final FlowIdentity identity;
    /** Version-1 tuples counted: they carry no packets or bytes, which the answer then leaves out. */
    private long withoutCounters;

    /** The reporter that reads from the input's start and writes the answer to {@code writer}. */
    CountingReporter(TableSink writer) {
        this.writer = writer;
        this.identity = new FlowIdentity(false);
    }

    /** A partial: it holds counts only. */
    CountingReporter() {
        this.writer = null;
        this.identity = new FlowIdentity(true);
    }

    /** Counts {@code row}, unless it repeats a tuple already counted. */
    @Override
    public final void accept(FlowRow row) {
        if (row.isRepeat()) {
            return;
        }
        if (row.context().format() == LogFormat.NSG_V1) {
            withoutCounters++;
        }
        count(row, true, identity.countsNow(row));
    }

    @Override
    public final void finish(ReadStats stats) {
        write(stats);
        writer.finish();
    }

    /** Appends {@code later}, which read the input that follows this one's; orphans it settles count now. */
    @Override
    public final void merge(R later) {
        for (FlowRow flow : identity.merge(((CountingReporter<?>) later).identity)) {
            count(flow, false, true);
        }
        withoutCounters += ((CountingReporter<?>) later).withoutCounters;
        mergeCounts(later);
    }

    @Override
    public final void carry(long[] open, long[] orphaned) {
        identity.carry(open, orphaned);
    }

    @Override
    public final long[] openConnections() {
        return identity.openKeys();
    }

    /** When the answer sums or ranks packets or bytes over version-1 tuples, which have none: one note saying so. */
    @Override
    public List<String> notes() {
        if (withoutCounters == 0 || !sumsCounters()) {
            return List.of();
        }
        return List.of(withoutCounters + " version-1 tuples have no packet or byte counters (version 1 has none):"
                + " packets and bytes here leave them out; their flows and tuples are counted");
    }

    /** Whether the answer shows sums of packets or bytes: every counting report does, unless it ranks by another metric only. */
    boolean sumsCounters() {
        return true;
    }

    @Override
    public final long[] orphanedConnections() {
        return identity.orphanedKeys();
    }

    @Override
    public final long keysHeld() {
        return identity.keysHeld() + countedKeys();
    }

    /** The distinct keys of the aggregates (not the connections, which {@link FlowIdentity} counts). */
    abstract long countedKeys();

    /** Adds {@code row} to every aggregate, as a tuple (with its counters) and/or as a flow. */
    abstract void count(FlowRow row, boolean tuple, boolean flow);

    /** Adds {@code later}'s aggregates into this one's. */
    abstract void mergeCounts(R later);

    /** Writes the tables; the writer is finished afterwards. */
    abstract void write(ReadStats stats);
}
