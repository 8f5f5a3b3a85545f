package io.nsgflow;

import io.nsgflow.diag.Diagnostics;
import io.nsgflow.parse.RecordStarts;
import io.nsgflow.source.Input;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the threads of a parallel read take, one at a time and in order: each input whole, except
 * a plain file bigger than one thread's share of all the bytes, which would keep a core idle
 * while one thread reads it; such a file is cut at record starts into ranges of about a share
 * each ({@link RecordStarts}). Small files are never cut: a range costs a partial result and its
 * merge, which pay off only over many megabytes.
 */
public final class ReadPlan {
    /** The shortest range a file is cut into. */
    static final long MIN_RANGE = 16L << 20;
    /**
     * A system property that sets the range length, in bytes, every plain file is cut at whatever
     * its size: how tests make many tiny ranges of small files.
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

    /** @param cut whether big files may be cut into ranges; else each input is one task */
    static List<Task> plan(List<Input> inputs, int threads, Diagnostics diagnostics, boolean cut) {
        long total = 0;
        for (Input input : inputs) {
            total += Math.max(0, input.size());
        }
        long forced = Long.getLong(RANGE_PROPERTY, 0);
        long share = forced > 0 ? forced : Math.max(MIN_RANGE, (total + threads - 1) / threads);
        List<Task> tasks = new ArrayList<>();
        for (Input input : inputs) {
            long[] starts = cut ? starts(input, share) : new long[] {0};
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
     * Where the ranges of {@code input} start when it is cut into ranges of about {@code share}
     * bytes: just {0} when it is read whole (no longer than that, gzip, or not the envelope). The
     * CLI's threads and the Spark runner cut by this one rule.
     */
    public static long[] starts(Input input, long share) {
        long size = input.size();
        if (size <= share || !input.seekable()) {
            return new long[] {0};
        }
        try {
            return RecordStarts.split(input::openAt, size, (int) Math.min(Integer.MAX_VALUE, (size + share - 1) / share));
        } catch (IOException e) {
            return new long[] {0}; // reading it whole will say what is wrong
        }
    }
}
