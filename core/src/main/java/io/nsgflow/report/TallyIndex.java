package io.nsgflow.report;

import java.io.Serializable;

/**
 * Tallies by a key of two longs, in open-addressing arrays: the hot path of grouping by an
 * address, a port or another number finds its tally without an object per row, a boxed key or a
 * call to {@code equals}. About 24 bytes per slot, at most half the slots used.
 *
 * <p>Most keys have a high half of 0 (an IPv4 address, a port, a protocol), so the array of high
 * halves is made only when the first key with another one comes: until then a lookup reads one
 * key array, not two. With tens of thousands of addresses every lookup misses the cache, and
 * each array it reads is one more miss (these lookups were 35% of {@code summary}'s samples).
 */
final class TallyIndex implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Visits one entry. */
    interface Visitor {
        void visit(long hi, long lo, Tally tally);
    }

    /** Null while every key's high half is 0. */
    private long[] his;
    private long[] los = new long[64];
    private Tally[] tallies = new Tally[64];
    private int size;

    /** The tally of key ({@code hi}, {@code lo}), or null. */
    Tally get(long hi, long lo) {
        long[] his = this.his;
        if (his == null && hi != 0) {
            return null; // no key has a high half: this one is not there
        }
        int mask = tallies.length - 1;
        for (int i = slot(hi, lo, mask); ; i = i + 1 & mask) {
            Tally t = tallies[i];
            if (t == null || los[i] == lo && (his == null || his[i] == hi)) {
                return t;
            }
        }
    }

    /** Adds a key that is not in the index yet. */
    void put(long hi, long lo, Tally tally) {
        if (2 * (size + 1) > tallies.length) {
            grow();
        }
        if (hi != 0 && his == null) {
            his = new long[tallies.length];
        }
        insert(hi, lo, tally);
        size++;
    }

    int size() {
        return size;
    }

    void forEach(Visitor visitor) {
        for (int i = 0; i < tallies.length; i++) {
            if (tallies[i] != null) {
                visitor.visit(his == null ? 0 : his[i], los[i], tallies[i]);
            }
        }
    }

    private void insert(long hi, long lo, Tally tally) {
        int mask = tallies.length - 1;
        int i = slot(hi, lo, mask);
        while (tallies[i] != null) {
            i = i + 1 & mask;
        }
        if (his != null) {
            his[i] = hi;
        }
        los[i] = lo;
        tallies[i] = tally;
    }

    private void grow() {
        long[] oldHis = his;
        long[] oldLos = los;
        Tally[] old = tallies;
        int capacity = old.length * 2;
        his = oldHis == null ? null : new long[capacity];
        los = new long[capacity];
        tallies = new Tally[capacity];
        for (int i = 0; i < old.length; i++) {
            if (old[i] != null) {
                insert(oldHis == null ? 0 : oldHis[i], oldLos[i], old[i]);
            }
        }
    }

    private static int slot(long hi, long lo, int mask) {
        long h = (lo ^ Long.rotateLeft(hi, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }
}
