package io.nsgflow.report;

import io.nsgflow.model.FlowRow;
import java.io.Serializable;

/**
 * Tallies by a key of two longs, in open-addressing arrays: the hot path of grouping by an
 * address, a port or another number counts a row without an object per row, a boxed key or a
 * call to {@code equals}. At most half the slots are used.
 *
 * <p>With tens of thousands of addresses nearly every lookup misses the cache (these lookups were
 * 35% of {@code summary}'s samples), so a lookup reads as few places as it can, none through
 * another: the keys' low halves, and the slot's {@link Tally#SIZE} counts in an array parallel to
 * them (no {@link Tally} object whose reference must be loaded before its counts can be); tally
 * objects are made only when the index is read. Most keys have a high half of 0 (an IPv4 address,
 * a port, a protocol), so the array of high halves is made only when the first key with another
 * one comes.
 */
final class TallyIndex implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Visits one entry. */
    interface Visitor {
        /** @param tally a copy of the entry's counts */
        void visit(long hi, long lo, Tally tally);
    }

    /** Null while every key's high half is 0. */
    private long[] his;
    private long[] los = new long[64];
    private boolean[] used = new boolean[64];
    /** {@link Tally#SIZE} counts per slot. */
    private long[] counts = new long[64 * Tally.SIZE];
    private int size;

    /** Counts {@code row} under key ({@code hi}, {@code lo}), as {@link Tally#add(FlowRow, boolean, boolean)} does. */
    void add(long hi, long lo, FlowRow row, boolean tuple, boolean flow) {
        int at = countsAt(hi, lo); // first: it may grow the array
        Tally.count(counts, at, row, tuple, flow);
    }

    /** Adds {@code tally}'s counts under key ({@code hi}, {@code lo}). */
    void add(long hi, long lo, Tally tally) {
        int at = countsAt(hi, lo); // first: it may grow the array
        Tally.addTo(counts, at, tally);
    }

    int size() {
        return size;
    }

    void forEach(Visitor visitor) {
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                visitor.visit(his == null ? 0 : his[i], los[i], Tally.of(counts, i * Tally.SIZE));
            }
        }
    }

    /** Where the counts of key ({@code hi}, {@code lo}) are in {@link #counts}; a new key gets a slot of zeros. */
    private int countsAt(long hi, long lo) {
        int mask = used.length - 1;
        int i = slot(hi, lo, mask);
        long[] his = this.his;
        if (his == null) {
            if (hi == 0) { // else no key held has this high half
                for (; used[i]; i = i + 1 & mask) {
                    if (los[i] == lo) {
                        return i * Tally.SIZE;
                    }
                }
            }
        } else {
            for (; used[i]; i = i + 1 & mask) {
                if (his[i] == hi && los[i] == lo) {
                    return i * Tally.SIZE;
                }
            }
        }
        return insert(hi, lo);
    }

    /** Gives a key that is not in the index a slot, growing the arrays first if they are half full. */
    private int insert(long hi, long lo) {
        if (2 * (size + 1) > used.length) {
            grow();
        }
        if (hi != 0 && his == null) {
            his = new long[used.length];
        }
        int mask = used.length - 1;
        int i = slot(hi, lo, mask);
        while (used[i]) {
            i = i + 1 & mask;
        }
        used[i] = true;
        if (his != null) {
            his[i] = hi;
        }
        los[i] = lo;
        size++;
        return i * Tally.SIZE;
    }

    private void grow() {
        long[] oldHis = his;
        long[] oldLos = los;
        boolean[] oldUsed = used;
        long[] oldCounts = counts;
        int capacity = oldUsed.length * 2;
        his = oldHis == null ? null : new long[capacity];
        los = new long[capacity];
        used = new boolean[capacity];
        counts = new long[capacity * Tally.SIZE];
        size = 0;
        for (int j = 0; j < oldUsed.length; j++) {
            if (oldUsed[j]) {
                int at = insert(oldHis == null ? 0 : oldHis[j], oldLos[j]);
                System.arraycopy(oldCounts, j * Tally.SIZE, counts, at, Tally.SIZE);
            }
        }
    }

    private static int slot(long hi, long lo, int mask) {
        long h = (lo ^ Long.rotateLeft(hi, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }
}
