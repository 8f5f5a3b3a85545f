package io.nsgflow.report;

/**
 * A reporter whose state can be combined: instances fed consecutive slices of the input, merged
 * in input order, hold what one instance fed all of it would. This lets inputs be read by several
 * threads, each slice into its own partial.
 *
 * @param <R> the reporter's own type
 */
public interface Mergeable<R> {
    /**
     * A fresh instance of the same kind and settings that reads a slice following others: it
     * holds counts only, has no writer, and is never finished, only merged.
     */
    R partial();

    /** Adds {@code later}'s state, read from the input following this one's; {@code later} is not used afterwards. */
    void merge(R later);
}
