package io.nsgflow;

import io.nsgflow.diag.Diagnostics;
import io.nsgflow.parse.RecordStarts;
import io.nsgflow.source.Input;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the threads of a parallel read take, one at a time and in order: each input whole, or,
 * when asked for with {@link #RANGE_PROPERTY}, a plain file cut at record starts into ranges of
 * that length ({@link RecordStarts}).
 *
 * <p>Files are not cut unless asked, because cutting one did not pay where it was measured
 * (docs/PERFORMANCE.md, 2 cores): no wall-clock gain on a 100 MB blob, where the JIT compiler
 * already keeps the second core busy, and 30-50% more CPU on a 400 MB one. (The memory it also
 * cost, a range's set of the connections that ended in it, is gone: a partial logs their keys,
 * flat in the heap; the 1 GB blob cut in two peaks at 141-170 MiB.) Many blobs spread over the
 * threads without the JIT's cost.
 */
public final class ReadPlan {
    /**
     * A system property that cuts every plain file into ranges of this many bytes, whatever its
     * size: how tests make many tiny ranges of small files, and how a run on many cores may trade
     * memory for time ({@code NSGFLOW_JAVA_OPTS=-Dnsgflow.split.rangeBytes=268435456}).
     */
    static final String RANGE_PROPERTY = "nsgflow.split.rangeBytes";

    /**
     * One thing to read.
     *
     * @param input the input
     * @param split its ranges, or null when it is read whole
     * @param range which range of {@code split}
     */
    record Task(Input input, SplitInput split, int range) {
    }

    private ReadPlan() {
    }

    /** @param cut whether files may be cut into ranges; else each input is one task */
    static List<Task> plan(List<Input> inputs, Diagnostics diagnostics, boolean cut) {
        long range = Long.getLong(RANGE_PROPERTY, 0);
        List<Task> tasks = new ArrayList<>();
        for (Input input : inputs) {
            long[] starts = cut && range > 0 ? starts(input, range) : new long[] {0};
            if (starts.length < 2) {
                tasks.add(new Task(input, null, 0));
                continue;
            }
            SplitInput split = new SplitInput(input, starts, diagnostics.forInput(input.name()));
            for (int r = 0; r < starts.length; r++) {
                tasks.add(new Task(input, split, r));
            }
        }
        return tasks;
    }

    /**
     * Where the ranges of {@code input} start when it is cut into ranges of about {@code range}
     * bytes: just {0} when it is read whole (no longer than that, gzip, or not the envelope). The
     * CLI's threads and the Spark runner cut by this one rule.
     */
    public static long[] starts(Input input, long range) {
        long size = input.size();
        if (size <= range || !input.seekable()) {
            return new long[] {0};
        }
        try {
            return RecordStarts.split(input::openAt, size, (int) Math.min(Integer.MAX_VALUE, (size + range - 1) / range));
        } catch (IOException e) {
            return new long[] {0}; // reading it whole will say what is wrong
        }
    }
}
