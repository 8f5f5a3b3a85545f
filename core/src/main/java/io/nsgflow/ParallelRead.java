package io.nsgflow;

import io.nsgflow.model.ReadStats;
import io.nsgflow.parse.RecordReader;
import io.nsgflow.report.Reporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads tasks (inputs, or byte ranges of one: see {@link ReadPlan}) on a few threads and folds
 * their partial results in task order, so the answer does not depend on which thread finished
 * first. Each thread takes the next task, reads it with its own {@link RecordReader} into its own
 * reporter, and hands the result back; a result is folded as soon as every task before it has
 * been. A thread does not start a task more than {@link #WINDOW_PER_THREAD} per thread ahead of
 * the last one folded, so when one task is slow the results waiting behind it stay few: memory
 * follows the threads, not the inputs.
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

    /** Reads task {@code index} with {@code reader}, which belongs to the calling thread. */
    interface Task<P> {
        Part<P> read(int index, RecordReader reader);
    }

    /** Folds the result of task {@code index}; called in task order, one at a time. */
    interface Fold<P> {
        void fold(int index, Part<P> part);
    }

    private final int tasks;
    private final int threads;
    private final Fold<R> fold;
    private final List<Part<R>> done;
    private int next;
    private int folded;
    private Throwable failure;

    ParallelRead(int tasks, int threads, Fold<R> fold) {
        this.tasks = tasks;
        this.threads = threads;
        this.fold = fold;
        this.done = new ArrayList<>(Collections.nCopies(tasks, null));
    }

    /** Reads every task; returns once every result is folded. */
    void run(Task<R> task) {
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
            HandedOver.rethrow(failure, "reading was interrupted");
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

    /** The next task to read, or -1 when there is none (or another thread failed). */
    private synchronized int take() throws InterruptedException {
        while (failure == null && next < tasks && next >= folded + WINDOW_PER_THREAD * threads) {
            wait();
        }
        return failure != null || next >= tasks ? -1 : next++;
    }

    private synchronized void complete(int index, Part<R> part) {
        done.set(index, part);
        while (folded < tasks && done.get(folded) != null) {
            fold.fold(folded, done.set(folded, null));
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
