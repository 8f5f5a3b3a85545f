package io.nsgflow;

import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.source.Input;
import java.util.Arrays;

/**
 * One plain input read as byte ranges on several threads ({@link io.nsgflow.parse.RecordStarts}
 * chose where they start), and what makes that read the same as reading the input whole: which
 * ranges count and when each may speak.
 *
 * <p>Range 0 counts. When a range that counts is read, where it stopped says which range counts
 * next: the one starting there; the ranges between, which it read through (their start was not a
 * record start after all), are dropped. A range may tell a problem only once every range before
 * it is read or dropped ({@link #turn}): its lines then come after theirs, within the input's
 * line limit, naming records and lines as reading the input whole would.
 */
final class SplitInput {
    /** Thrown at a dropped range's turn: the range before it read its bytes already. */
    static final class Dropped extends RuntimeException {
        Dropped() {
            super("range read by the range before it", null, false, false);
        }
    }

    private enum Status { UNDECIDED, COUNTS, DROPPED }

    private final Input input;
    private final long[] starts;
    private final FileDiagnostics diagnostics;
    private final Status[] status;
    private final boolean[] read;
    private final long[] records;
    private final RecordReader.Stop[] stops;
    private final FileDiagnostics.Before[] before;
    /** The range that counts and is not read yet; {@code starts.length} once all are settled. */
    private int awaited;
    private boolean abandoned;

    SplitInput(Input input, long[] starts, FileDiagnostics diagnostics) {
        this.input = input;
        this.starts = starts;
        this.diagnostics = diagnostics;
        int n = starts.length;
        status = new Status[n];
        Arrays.fill(status, Status.UNDECIDED);
        status[0] = Status.COUNTS;
        read = new boolean[n];
        records = new long[n];
        stops = new RecordReader.Stop[n];
        before = new FileDiagnostics.Before[n];
        before[0] = new FileDiagnostics.Before(0, 1);
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
        while (status[range] == Status.UNDECIDED && !abandoned) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Dropped();
            }
        }
        if (status[range] != Status.COUNTS) {
            throw new Dropped();
        }
        return before[range];
    }

    /**
     * Range {@code range} is read: it held {@code count} records and stopped at {@code stop} (null:
     * at the end of the input).
     */
    synchronized void read(int range, long count, RecordReader.Stop stop) {
        read[range] = true;
        records[range] = count;
        stops[range] = stop;
        while (awaited < starts.length && read[awaited]) {
            settleAfter(awaited);
        }
        notifyAll();
    }

    /** A range's read failed: no range waits for a turn any more. */
    synchronized void abandon() {
        abandoned = true;
        notifyAll();
    }

    /** Whether the result of range {@code range}, read, counts; asked when it is folded, after every range before it. */
    synchronized boolean counts(int range) {
        return status[range] == Status.COUNTS;
    }

    /** Range {@code k}, which counts, is read: the ranges it read through are dropped, the one it stopped at counts. */
    private void settleAfter(int k) {
        RecordReader.Stop stop = stops[k];
        int next = stop == null ? starts.length : Arrays.binarySearch(starts, stop.offset());
        for (int i = k + 1; i < next; i++) {
            status[i] = Status.DROPPED;
        }
        awaited = next;
        if (next < starts.length) {
            status[next] = Status.COUNTS;
            long line = stop.rangeLine() ? before[k].line() + stop.line() - 1 : stop.line();
            before[next] = new FileDiagnostics.Before(before[k].records() + records[k], line);
        }
    }
}
