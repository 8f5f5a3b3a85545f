package io.nsgflow.report;

/**
 * A reporter whose state can be combined: two instances fed disjoint parts of the input, merged,
 * hold what one instance fed all of it would. This lets inputs be read by several threads, each
 * with its own instance, merged in input order at the end.
 *
 * @param <R> the reporter's own type
 */
public interface Mergeable<R> {
    /** Adds {@code other}'s state into this one; {@code other} is not used afterwards. */
    void merge(R other);
}
