package io.nsgflow;

import io.nsgflow.model.ReadStats;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.report.Reporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads inputs on a few threads and folds their partial results in input order, so the answer
 * does not depend on which thread finished first. Each thread takes the next input, reads it with
 * its own {@link RecordReader} into its own reporter, and hands the result back; a result is
 * folded as soon as every input before it has been. A thread does not start an input more than
 * {@link #WINDOW_PER_THREAD} per thread ahead of the last one folded, so when one input is slow
 * the results waiting behind it stay few: memory follows the threads, not the inputs.
 */
final class ParallelRead<R extends Reporter> {
    /** How far ahead of the fold, per thread, reading may run. */
    static final int WINDOW_PER_THREAD = 4;

    /**
     * What reading one input gave.
     *
     * @param reporter the partial result to merge, or null when the input was read straight into the whole
     * @param stats    how much of the input was read
     */
    record Part<P>(P reporter, ReadStats stats) {
    }

    /** Reads input {@code index} with {@code reader}, which belongs to the calling thread. */
    interface Task<P> {
        Part<P> read(int index, RecordReader reader);
    }

    private final int inputs;
    private final int threads;
    private final Consumer<R> merge;
    private final List<Part<R>> done;
    private final ReadStats stats = new ReadStats();
    private int next;
    private int folded;
    private Throwable failure;

    /** @param merge folds one partial result into the whole; called in input order, one at a time */
    ParallelRead(int inputs, int threads, Consumer<R> merge) {
        this.inputs = inputs;
        this.threads = threads;
        this.merge = merge;
        this.done = new ArrayList<>(Collections.nCopies(inputs, null));
    }

    /** Reads every input; returns the statistics of all of them, once every result is folded. */
    ReadStats run(Task<R> task) {
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> work(task), "nsgflow-read-" + t);
            workers[t].setDaemon(true); // never keeps the process alive
            workers[t].start();
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            fail(e);
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException("reading was interrupted", failure);
            }
            return stats;
        }
    }

    private void work(Task<R> task) {
        RecordReader reader = new RecordReader();
        try {
            for (int i = take(); i >= 0; i = take()) {
                complete(i, task.read(i, reader));
            }
        } catch (Throwable t) { // handed to the calling thread, which rethrows it
            fail(t);
        }
    }

    /** The next input to read, or -1 when there is none (or another thread failed). */
    private synchronized int take() throws InterruptedException {
        while (failure == null && next < inputs && next >= folded + WINDOW_PER_THREAD * threads) {
            wait();
        }
        return failure != null || next >= inputs ? -1 : next++;
    }

    private synchronized void complete(int index, Part<R> part) {
        done.set(index, part);
        while (folded < inputs && done.get(folded) != null) {
            Part<R> p = done.set(folded, null);
            if (p.reporter() != null) {
                merge.accept(p.reporter());
            }
            stats.add(p.stats());
            folded++;
        }
        notifyAll();
    }

    private synchronized void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
        notifyAll();
    }
}
