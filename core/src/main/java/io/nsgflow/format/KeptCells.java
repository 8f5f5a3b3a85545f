package io.nsgflow.format;

import io.nsgflow.result.CellRun;

/**
 * A {@link CellRun} of a writer that spells cells straight into a {@link TextOut}: the run's bytes
 * (keys, separators and values, as the writer spelt them) are kept from the buffer when written,
 * and a repeat is one copy of them and a jump of the writer's cell count. Keys are kept in a small
 * table, one key a slot, the last written taking its slot: enough for a group's context (one at a
 * time) and a log's label combinations (a few dozen, most rows in a handful). Only bytes that
 * are all still in the buffer when the run ends are kept (a drain in between drops them); a
 * later row keeps them.
 */
final class KeptCells implements CellRun {
    /** Slots: a power of two. */
    private static final int SLOTS = 64;
    /** Shift that leaves a slot number in the top bits of a mixed key. */
    private static final int SLOT_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SLOTS);
    /** Fibonacci hashing: spreads keys that differ in any bits over the slots. */
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final TextOut out;
    /** Moves the writer past the run's cells, as writing them would have. */
    private final Runnable skip;
    private final long[] keys = new long[SLOTS];
    /** Per slot: the run's bytes for its key; null when none are kept. */
    private final byte[][] bytes = new byte[SLOTS][];
    private long from;

    KeptCells(TextOut out, Runnable skip) {
        this.out = out;
        this.skip = skip;
    }

    @Override
    public boolean repeat(long key) {
        int slot = slot(key);
        byte[] kept = bytes[slot];
        if (kept == null || keys[slot] != key) {
            return false;
        }
        out.appendEncoded(kept);
        skip.run();
        return true;
    }

    @Override
    public void begin() {
        from = out.position();
    }

    @Override
    public void end(long key) {
        int slot = slot(key);
        keys[slot] = key;
        bytes[slot] = out.since(from);
    }

    private static int slot(long key) {
        return (int) (key * MIX >>> SLOT_SHIFT);
    }
}
