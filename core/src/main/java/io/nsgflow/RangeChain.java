package io.nsgflow;

import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.parse.RecordReader;
import java.util.Arrays;

/**
 * The rule that makes the byte ranges of one plain input, read apart (on threads, or as Spark
 * tasks), read as the input whole: which ranges count, and what comes before each that does.
 *
 * <p>Range 0 counts. When a range that counts is read, where it stopped ({@link RecordReader#stop})
 * says which range counts next: the one starting there; the ranges between, which it read through
 * (their start was not a record start after all), are dropped. Ranges may be told read in any
 * order; a range is decided once every range before it is read or dropped. Not thread-safe: the
 * CLI's {@link SplitInput} guards it, a Spark driver folds on one thread.
 */
public final class RangeChain {
    private enum Status { UNDECIDED, COUNTS, DROPPED }

    private final long[] starts;
    private final Status[] status;
    private final boolean[] read;
    private final long[] records;
    private final RecordReader.Stop[] stops;
    private final FileDiagnostics.Before[] before;
    /** The range that counts and is not read yet; {@code starts.length} once all are settled. */
    private int awaited;

    /** @param starts the ranges' start offsets, increasing, the first 0 */
    public RangeChain(long[] starts) {
        this.starts = starts;
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

    /**
     * Range {@code range} is read: it held {@code count} records and stopped at {@code stop} (null:
     * at the end of the input).
     */
    public void read(int range, long count, RecordReader.Stop stop) {
        read[range] = true;
        records[range] = count;
        stops[range] = stop;
        while (awaited < starts.length && read[awaited]) {
            settleAfter(awaited);
        }
    }

    /** Whether every range before {@code range} is read or dropped, so that {@link #counts} is known. */
    public boolean decided(int range) {
        return status[range] != Status.UNDECIDED;
    }

    /** Whether range {@code range}, once {@link #decided}, counts: its records are the input's, its words are said. */
    public boolean counts(int range) {
        return status[range] == Status.COUNTS;
    }

    /** What comes before range {@code range}, once it is decided and counts. */
    public FileDiagnostics.Before before(int range) {
        return before[range];
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
