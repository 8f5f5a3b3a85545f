package io.nsgflow.enrich;

/**
 * The last answers, by address: a direct-mapped table, so that a report enriches each distinct
 * address about once however many rows carry it. Lock-free and safe to share between threads:
 * a slot holds one immutable entry (final fields), so a reader sees a whole entry or an older one,
 * and two threads racing on a slot at worst compute the same answer twice.
 */
final class AddressCache {
    /** 65,536 slots: more addresses than an hour of most estates, about 2 MB when full. */
    private static final int SLOTS = 1 << 16;

    private record Entry(long hi, long lo, AddressInfo info) {
    }

    private final Entry[] slots = new Entry[SLOTS];

    AddressInfo get(long hi, long lo) {
        Entry e = slots[slot(hi, lo)];
        return e != null && e.hi == hi && e.lo == lo ? e.info : null;
    }

    void put(long hi, long lo, AddressInfo info) {
        slots[slot(hi, lo)] = new Entry(hi, lo, info);
    }

    private static int slot(long hi, long lo) {
        long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL);
        return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SLOTS - 1);
    }
}
