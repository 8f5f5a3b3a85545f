package io.nsgflow;

import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.source.Input;

/**
 * One plain input read as byte ranges on several threads ({@link io.nsgflow.parse.RecordStarts}
 * chose where they start), and what makes that read the same as reading the input whole: which
 * ranges count ({@link RangeChain}, shared with the Spark runner) and when each may speak.
 *
 * <p>A range may tell a problem only once every range before it is read or dropped
 * ({@link #turn}): its lines then come after theirs, within the input's line limit, naming records
 * and lines as reading the input whole would.
 */
final class SplitInput {
    /** Thrown at a dropped range's turn: the range before it read its bytes already. */
    static final class Dropped extends RuntimeException {
        Dropped() {
            super("range read by the range before it", null, false, false);
        }
    }

    private final Input input;
    private final long[] starts;
    private final FileDiagnostics diagnostics;
    private final RangeChain chain;
    private boolean abandoned;

    SplitInput(Input input, long[] starts, FileDiagnostics diagnostics) {
        this.input = input;
        this.starts = starts;
        this.diagnostics = diagnostics;
        this.chain = new RangeChain(starts);
    }

    Input input() {
        return input;
    }

    long[] starts() {
        return starts;
    }

    int ranges() {
        return starts.length;
    }

    /** The diagnostics range {@code range} tells its problems through. */
    FileDiagnostics diagnostics(int range) {
        return range == 0 ? diagnostics : diagnostics.part(() -> turn(range));
    }

    /** The input's own diagnostics, to close once its last range is folded. */
    FileDiagnostics diagnostics() {
        return diagnostics;
    }

    /**
     * Waits until every range before {@code range} is read or dropped.
     *
     * @throws Dropped when {@code range} is dropped, or another range's read failed
     */
    synchronized FileDiagnostics.Before turn(int range) {
        while (!chain.decided(range) && !abandoned) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Dropped();
            }
        }
        if (!chain.decided(range) || !chain.counts(range)) {
            throw new Dropped();
        }
        return chain.before(range);
    }

    /**
     * Range {@code range} is read: it held {@code count} records and stopped at {@code stop} (null:
     * at the end of the input).
     */
    synchronized void read(int range, long count, RecordReader.Stop stop) {
        chain.read(range, count, stop);
        notifyAll();
    }

    /** A range's read failed: no range waits for a turn any more. */
    synchronized void abandon() {
        abandoned = true;
        notifyAll();
    }

    /** Whether the result of range {@code range}, read, counts; asked when it is folded, after every range before it. */
    synchronized boolean counts(int range) {
        return chain.counts(range);
    }
}
