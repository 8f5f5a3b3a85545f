package io.nsgflow;

import io.nsgflow.diag.Diagnostics;
import io.nsgflow.parse.RecordStarts;
import io.nsgflow.source.Input;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the threads of a parallel read take, one at a time and in order: each input whole, or a
 * plain file cut at record starts into byte ranges ({@link RecordStarts}).
 *
 * <p>A file is cut by default only where that pays (docs/PERFORMANCE.md, 2 cores): when there are
 * fewer inputs than threads, so that a core would otherwise idle, and into ranges of at least
 * {@link #LEAST_RANGE} bytes, one per thread at most. Shorter ranges did not pay: the JIT compiler
 * already keeps the second core busy for the first seconds of a run, so a 100 MB blob read in two
 * was no faster. Many inputs spread over the threads without cutting. {@link #RANGE_PROPERTY}
 * forces a range length.
 */
public final class ReadPlan {
    /**
     * A system property that cuts every plain file into ranges of this many bytes, whatever its
     * size: how tests make many tiny ranges of small files, and how a run on many cores may trade
     * memory for time ({@code NSGFLOW_JAVA_OPTS=-Dnsgflow.split.rangeBytes=268435456}).
     */
    static final String RANGE_PROPERTY = "nsgflow.split.rangeBytes";

    /** The shortest range a file is cut into by default. */
    static final long LEAST_RANGE = 256L << 20;

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

    /**
     * @param cut     whether files may be cut into ranges; else each input is one task
     * @param threads how many threads will read
     */
    static List<Task> plan(List<Input> inputs, Diagnostics diagnostics, boolean cut, int threads) {
        long forced = Long.getLong(RANGE_PROPERTY, 0);
        List<Task> tasks = new ArrayList<>();
        for (Input input : inputs) {
            long range = forced > 0 ? forced : inputs.size() < threads ? defaultRange(input.size(), threads) : 0;
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
     * The range length a file of {@code size} bytes is cut into by default on {@code threads}
     * threads: as many ranges as threads, unless that makes them shorter than {@link #LEAST_RANGE};
     * 0 (not cut) when that leaves fewer than two.
     */
    static long defaultRange(long size, int threads) {
        long ranges = Math.min(threads, size / LEAST_RANGE);
        return ranges < 2 ? 0 : (size + ranges - 1) / ranges;
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
