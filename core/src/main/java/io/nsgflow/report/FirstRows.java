package io.nsgflow.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code n} of many items in an order, kept in a heap of {@code n} as the items go by:
 * when a ranking of 50 000 keys shows 5 rows, that is a comparison or two per key instead of a
 * sort of all of them. The order must be total (ties broken by key), so that the items kept are
 * exactly the first {@code n} of the whole sorted list.
 */
final class FirstRows<T> {
    private final int n;
    private final Comparator<? super T> order;
    /** The kept items, the one that ranks last at the head. */
    private final PriorityQueue<T> lastFirst;

    /** @param n how many to keep, at least 1 */
    FirstRows(int n, Comparator<? super T> order) {
        this.n = n;
        this.order = order;
        this.lastFirst = new PriorityQueue<>(n + 1, order.reversed());
    }

    /** The kept item that ranks last, once {@code n} are kept; null before. */
    T last() {
        return lastFirst.size() < n ? null : lastFirst.peek();
    }

    void offer(T item) {
        if (lastFirst.size() < n) {
            lastFirst.add(item);
        } else if (order.compare(item, lastFirst.peek()) < 0) {
            lastFirst.poll();
            lastFirst.add(item);
        }
    }

    /** The kept items, in order. */
    List<T> sorted() {
        List<T> kept = new ArrayList<>(lastFirst);
        kept.sort(order);
        return kept;
    }
}
