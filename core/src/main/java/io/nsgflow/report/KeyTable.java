package io.nsgflow.report;

import java.io.Serializable;

/**
 * A set of fixed-width keys of three or six longs, held as primitives in one open-addressing array
 * (at most half the slots used, linear probing, backward-shift deletion): a key is looked up,
 * added or removed without making an object. {@link FlowKeySet}'s storage; a three-long key is
 * given as its first three parts, the rest 0.
 */
final class KeyTable implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int INITIAL_SLOTS = 64;

    private final int width;
    private long[] keys;
    private boolean[] used = new boolean[INITIAL_SLOTS];
    private int size;

    /** @param width 3 or 6 longs a key */
    KeyTable(int width) {
        this.width = width;
        this.keys = new long[INITIAL_SLOTS * width];
    }

    /** Adds the key; false when it was already there. */
    boolean add(long a, long b, long c, long d, long e, long f) {
        int i = find(a, b, c, d, e, f);
        if (used[i]) {
            return false;
        }
        if (2 * (size + 1) > used.length) {
            grow();
            i = find(a, b, c, d, e, f);
        }
        set(i, a, b, c, d, e, f);
        size++;
        return true;
    }

    /** Removes the key; false when it was not there. */
    boolean remove(long a, long b, long c, long d, long e, long f) {
        int i = find(a, b, c, d, e, f);
        if (!used[i]) {
            return false;
        }
        size--;
        // backward-shift deletion: move later entries of the probe run up, so lookups need no tombstones
        int mask = used.length - 1;
        for (int j = i + 1 & mask; used[j]; j = j + 1 & mask) {
            int home = slot(j);
            boolean movable = i <= j ? home <= i || home > j : home <= i && home > j;
            if (movable) {
                System.arraycopy(keys, j * width, keys, i * width, width);
                i = j;
            }
        }
        used[i] = false;
        return true;
    }

    /** Adds every key of {@code other}, a table of the same width. */
    void addAll(KeyTable other) {
        other.forEach(this::add);
    }

    boolean contains(long a, long b, long c, long d, long e, long f) {
        return used[find(a, b, c, d, e, f)];
    }

    int size() {
        return size;
    }

    /** Receives one key's parts (the last three 0 for a three-long key). */
    interface Visitor {
        void visit(long a, long b, long c, long d, long e, long f);
    }

    /** Visits every key, in slot order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                int o = i * width;
                if (width == 3) {
                    visitor.visit(keys[o], keys[o + 1], keys[o + 2], 0, 0, 0);
                } else {
                    visitor.visit(keys[o], keys[o + 1], keys[o + 2], keys[o + 3], keys[o + 4], keys[o + 5]);
                }
            }
        }
    }

    /** The slot that holds the key, or the free slot where it would go. */
    private int find(long a, long b, long c, long d, long e, long f) {
        int mask = used.length - 1;
        for (int i = hash(a, b, c, d, e, f) & mask; ; i = i + 1 & mask) {
            if (!used[i]) {
                return i;
            }
            int o = i * width;
            if (keys[o] == a && keys[o + 1] == b && keys[o + 2] == c
                    && (width == 3 || keys[o + 3] == d && keys[o + 4] == e && keys[o + 5] == f)) {
                return i;
            }
        }
    }

    private void set(int i, long a, long b, long c, long d, long e, long f) {
        int o = i * width;
        keys[o] = a;
        keys[o + 1] = b;
        keys[o + 2] = c;
        if (width == 6) {
            keys[o + 3] = d;
            keys[o + 4] = e;
            keys[o + 5] = f;
        }
        used[i] = true;
    }

    private void grow() {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        used = new boolean[oldUsed.length * 2];
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                int o = i * width;
                long[] k = oldKeys;
                long d = width == 3 ? 0 : k[o + 3];
                long e = width == 3 ? 0 : k[o + 4];
                long f = width == 3 ? 0 : k[o + 5];
                set(find(k[o], k[o + 1], k[o + 2], d, e, f), k[o], k[o + 1], k[o + 2], d, e, f);
            }
        }
    }

    /** The home slot of the key in slot {@code i}. */
    private int slot(int i) {
        int o = i * width;
        return width == 3 ? hash(keys[o], keys[o + 1], keys[o + 2], 0, 0, 0) & used.length - 1
                : hash(keys[o], keys[o + 1], keys[o + 2], keys[o + 3], keys[o + 4], keys[o + 5]) & used.length - 1;
    }

    private static int hash(long a, long b, long c, long d, long e, long f) {
        long h = a * 31 + b;
        h = h * 31 + c;
        h = h * 31 + d;
        h = h * 31 + e;
        h = (h * 31 + f) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }
}
