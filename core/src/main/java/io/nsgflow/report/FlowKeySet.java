package io.nsgflow.report;

import java.io.Serializable;

/**
 * A set of {@link FlowKey}s held as primitives in one open-addressing array (six longs a slot,
 * at most half the slots used), for the connections {@link FlowIdentity} holds open: a tuple is
 * looked up, added or removed without making a key object or a map entry.
 */
final class FlowKeySet implements Serializable {
    private static final long serialVersionUID = 1L;

    static final int WIDTH = 6;

    private long[] keys = new long[64 * WIDTH];
    private boolean[] used = new boolean[64];
    private int size;

    /** Adds the key; false when it was already there. */
    boolean add(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, long ports) {
        int i = find(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
        if (used[i]) {
            return false;
        }
        if (2 * (size + 1) > used.length) {
            grow();
            i = find(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
        }
        set(i, srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
        size++;
        return true;
    }

    /** Removes the key; false when it was not there. */
    boolean remove(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, long ports) {
        int i = find(srcHi, srcLo, dstHi, dstLo, macProtocol, ports);
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
                System.arraycopy(keys, j * WIDTH, keys, i * WIDTH, WIDTH);
                i = j;
            }
        }
        used[i] = false;
        return true;
    }

    /** True when the key is in the set. */
    boolean contains(FlowKey k) {
        return used[find(k.srcHi, k.srcLo, k.dstHi, k.dstLo, k.macProtocol, k.ports)];
    }

    boolean add(FlowKey k) {
        return add(k.srcHi, k.srcLo, k.dstHi, k.dstLo, k.macProtocol, k.ports);
    }

    boolean remove(FlowKey k) {
        return remove(k.srcHi, k.srcLo, k.dstHi, k.dstLo, k.macProtocol, k.ports);
    }

    /** Adds every key of {@code other}. */
    void addAll(FlowKeySet other) {
        other.forEach(this::add);
    }

    /** Removes every key of {@code other}. */
    void removeAll(FlowKeySet other) {
        other.forEach(this::remove);
    }

    /** Receives one key's six parts. */
    private interface KeyVisitor {
        boolean visit(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, long ports);
    }

    private void forEach(KeyVisitor visitor) {
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                int o = i * WIDTH;
                visitor.visit(keys[o], keys[o + 1], keys[o + 2], keys[o + 3], keys[o + 4], keys[o + 5]);
            }
        }
    }

    int size() {
        return size;
    }

    /** Every key, {@link #WIDTH} longs each, in slot order: what a checkpoint carries to the next run. */
    long[] toArray() {
        long[] out = new long[size * WIDTH];
        int n = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                System.arraycopy(keys, i * WIDTH, out, n, WIDTH);
                n += WIDTH;
            }
        }
        return out;
    }

    /** Adds the keys of {@code packed}, {@link #WIDTH} longs each, as {@link #toArray()} gives them. */
    void addAll(long[] packed) {
        for (int o = 0; o + WIDTH <= packed.length; o += WIDTH) {
            add(packed[o], packed[o + 1], packed[o + 2], packed[o + 3], packed[o + 4], packed[o + 5]);
        }
    }

    /** The slot that holds the key, or the free slot where it would go. */
    private int find(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, long ports) {
        int mask = used.length - 1;
        for (int i = hash(srcHi, srcLo, dstHi, dstLo, macProtocol, ports) & mask; ; i = i + 1 & mask) {
            if (!used[i]) {
                return i;
            }
            int o = i * WIDTH;
            if (keys[o + 1] == srcLo && keys[o + 3] == dstLo && keys[o + 5] == ports && keys[o] == srcHi
                    && keys[o + 2] == dstHi && keys[o + 4] == macProtocol) {
                return i;
            }
        }
    }

    private void set(int i, long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, long ports) {
        int o = i * WIDTH;
        keys[o] = srcHi;
        keys[o + 1] = srcLo;
        keys[o + 2] = dstHi;
        keys[o + 3] = dstLo;
        keys[o + 4] = macProtocol;
        keys[o + 5] = ports;
        used[i] = true;
    }

    private void grow() {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        used = new boolean[oldUsed.length * 2];
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                int o = i * WIDTH;
                long[] k = oldKeys;
                set(find(k[o], k[o + 1], k[o + 2], k[o + 3], k[o + 4], k[o + 5]), k[o], k[o + 1], k[o + 2], k[o + 3],
                        k[o + 4], k[o + 5]);
            }
        }
    }

    /** The home slot of the key in slot {@code i}. */
    private int slot(int i) {
        int o = i * WIDTH;
        return hash(keys[o], keys[o + 1], keys[o + 2], keys[o + 3], keys[o + 4], keys[o + 5]) & used.length - 1;
    }

    private static int hash(long srcHi, long srcLo, long dstHi, long dstLo, long macProtocol, long ports) {
        long h = srcLo * 31 + dstLo;
        h = h * 31 + srcHi;
        h = h * 31 + dstHi;
        h = h * 31 + macProtocol;
        h = (h * 31 + ports) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }
}
