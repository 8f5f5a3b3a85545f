package io.nsgflow.report;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * How a command's answer is read, said in one place: the reporter that writes the answer and,
 * for an answer assembled from partial results, how to make a partial (no writer) and merge it.
 * {@link io.nsgflow.Pipeline} asks this, and only this, whether inputs may be read on several
 * threads.
 *
 * @param <R> the reporter type
 */
public final class ReportSpec<R extends Reporter> {
    private final R whole;
    /** Null for an answer read in input order. */
    private final Supplier<R> partials;
    private final BiConsumer<R, R> merge;

    /** Its rows may be given to the reporter on a thread of their own. */
    private final boolean writtenAside;

    private ReportSpec(R whole, Supplier<R> partials, BiConsumer<R, R> merge, boolean writtenAside) {
        this.whole = whole;
        this.partials = partials;
        this.merge = merge;
        this.writtenAside = writtenAside;
    }

    /** An answer written while the input is read (rows as they come, conversations as they close): read in input order. */
    public static ReportSpec<Reporter> inOrder(Reporter reporter) {
        return new ReportSpec<>(reporter, null, null, false);
    }

    /**
     * An answer written row by row while the input is read, in input order, whose writing is worth
     * a core of its own ({@code flows} to text): with two threads or more, one reads and one writes.
     */
    public static ReportSpec<Reporter> writtenAside(Reporter reporter) {
        return new ReportSpec<>(reporter, null, null, true);
    }

    /** An answer written at the end from counts that merge: inputs may be read in parallel, each into a partial. */
    public static <R extends Reporter & Mergeable<R>> ReportSpec<R> merged(R whole) {
        return new ReportSpec<>(whole, whole::partial, Mergeable::merge, false);
    }

    /** The reporter that reads from the input's start and writes the answer. */
    public R whole() {
        return whole;
    }

    /** True when the rows may be written on a thread of their own while the next are read. */
    public boolean writtenAside() {
        return writtenAside;
    }

    /** True when partial results merge, so that inputs may be read on several threads. */
    public boolean parallel() {
        return partials != null;
    }

    /** A fresh partial for a slice of the input that follows others; only when {@link #parallel()}. */
    public R partial() {
        if (partials == null) {
            throw new IllegalStateException("this answer is read in input order; it has no partials");
        }
        return partials.get();
    }

    /** Folds {@code later}, a partial of the input that follows what {@link #whole()} has read, into the whole. */
    public void mergeIntoWhole(R later) {
        merge.accept(whole, later);
    }
}
