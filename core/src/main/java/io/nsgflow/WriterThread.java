package io.nsgflow;

import io.nsgflow.model.FlowContext;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowSink;
import java.util.ArrayDeque;

/**
 * Rows read on one thread and written on another: the reading thread parses, decodes and filters,
 * and hands the rows on in batches; this thread gives them to a streaming reporter in the same
 * order, so that formatting and writing ({@code flows}: about 40% of the reading thread's time)
 * run on a second core.
 *
 * <p>What the user sees is what one thread gives, byte for byte. The reporter gets the rows in
 * order, one at a time. A diagnostic line first waits until every row read before it is written
 * ({@link #sync}), so that stdout and stderr interleave as they did, and it is not printed at all
 * once writing failed (a closed pipe), since one thread would have stopped reading there. A write
 * failure reaches the reading thread at its next hand-off and stops reading, as one thread did.
 * Memory stays flat: {@link #BATCHES} batches of {@link #BATCH_ROWS} rows, reused.
 *
 * <p>One reading thread only, the one that makes it: {@link #accept}, {@link #handOff} and
 * {@link #close} are called from it.
 */
final class WriterThread implements FlowSink {
    /** Rows per hand-off: few enough that the writer starts early, enough that hand-offs cost nothing. */
    static final int BATCH_ROWS = 512;
    /** Batches in all, the one being filled included: how far reading may run ahead of writing. */
    static final int BATCHES = 8;

    /** Rows handed on together; a slot is a row, or a rule named without one. */
    private static final class Batch {
        final FlowRow[] rows = new FlowRow[BATCH_ROWS];
        /** Where not null, the slot is {@link FlowSink#ruleNamed} of this context, not a row. */
        final FlowContext[] named = new FlowContext[BATCH_ROWS];
        int size;

        Batch() {
            for (int i = 0; i < BATCH_ROWS; i++) {
                rows[i] = new FlowRow();
            }
        }
    }

    private final FlowSink reporter;
    private final Thread thread;
    /** The thread that reads: the one that made this. */
    private final Thread reading = Thread.currentThread();
    /** Read by the reading thread only. */
    private Batch filling = new Batch();
    // under this object's lock:
    private final ArrayDeque<Batch> full = new ArrayDeque<>();
    private final ArrayDeque<Batch> free = new ArrayDeque<>();
    private long handed;
    private long written;
    private boolean ended;
    private Throwable failure;

    WriterThread(FlowSink reporter) {
        this.reporter = reporter;
        for (int i = 1; i < BATCHES; i++) {
            free.add(new Batch());
        }
        thread = new Thread(this::write, "nsgflow-write");
        thread.setDaemon(true); // never keeps the process alive
        thread.start();
    }

    @Override
    public void accept(FlowRow row) {
        Batch b = filling;
        b.rows[b.size].copyFrom(row);
        b.named[b.size] = null;
        if (++b.size == BATCH_ROWS) {
            handOff();
        }
    }

    @Override
    public void ruleNamed(FlowContext context) {
        Batch b = filling;
        b.named[b.size] = context;
        if (++b.size == BATCH_ROWS) {
            handOff();
        }
    }

    /**
     * Hands the rows read so far to the writer: when a batch is full, and at the end of each
     * record, so that the rows of a slowly arriving input are not held back.
     *
     * @throws RuntimeException what writing threw (an {@link io.nsgflow.format.OutputException}),
     *                          and reading stops
     */
    void handOff() {
        if (filling.size == 0) {
            return;
        }
        synchronized (this) {
            failed();
            full.add(filling);
            handed++;
            notifyAll();
            while (free.isEmpty() && failure == null) {
                await();
            }
            failed();
            filling = free.poll();
        }
    }

    /**
     * Waits until every row read so far is written: before a diagnostic line, so that it comes
     * after them, as it did on one thread. Does nothing on any other thread than the reading one
     * (the writer's own, a progress line's), whose lines do not follow rows.
     *
     * @throws RuntimeException what writing threw
     */
    void sync() {
        if (Thread.currentThread() != reading) {
            return;
        }
        handOff();
        synchronized (this) {
            while (written < handed && failure == null) {
                await();
            }
            failed();
        }
    }

    /**
     * Writes what is left and ends the thread, once reading ended with {@code thrown} (null when it
     * ended well): the reporter is then the calling thread's again.
     *
     * @return what the read should throw: what writing threw, as it came first, or else {@code thrown}
     */
    Throwable close(Throwable thrown) {
        Throwable result = thrown;
        try {
            sync();
        } catch (RuntimeException | Error e) {
            result = e;
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result != null ? result : new IllegalStateException("writing was interrupted", e);
        }
        return result;
    }

    private void write() {
        try {
            writeAll();
        } catch (RuntimeException | Error e) { // an interrupted wait: reading stops at its next hand-off
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                }
                notifyAll();
            }
        }
    }

    private void writeAll() {
        while (true) {
            Batch b;
            boolean skip;
            synchronized (this) {
                while (full.isEmpty() && !ended) {
                    await();
                }
                if (full.isEmpty()) {
                    return;
                }
                b = full.poll();
                skip = failure != null; // reading stops at its next hand-off: the rest is dropped
            }
            Throwable t = skip ? null : write(b);
            synchronized (this) {
                if (t != null && failure == null) {
                    failure = t;
                }
                b.size = 0;
                free.add(b);
                written++;
                notifyAll();
            }
        }
    }

    /** Gives the batch's rows to the reporter; what it threw, or null. */
    private Throwable write(Batch b) {
        try {
            for (int i = 0; i < b.size; i++) {
                if (b.named[i] != null) {
                    reporter.ruleNamed(b.named[i]);
                } else {
                    reporter.accept(b.rows[i]);
                }
            }
            return null;
        } catch (Throwable t) { // handed to the reading thread, which throws it
            return t;
        }
    }

    /** Throws what writing threw, on the reading thread; called under the lock. */
    private void failed() {
        HandedOver.rethrow(failure, "writing failed");
    }

    /** Waits on this object's lock; a waiting thread is not interrupted in nsgflow, but it ends the wait if it is. */
    private void await() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading and writing were interrupted", e);
        }
    }
}
