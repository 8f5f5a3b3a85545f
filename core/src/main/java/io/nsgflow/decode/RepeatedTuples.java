package io.nsgflow.decode;

import io.nsgflow.model.FlowRow;
import io.nsgflow.parse.RawRecord;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.Function;

/**
 * Finds a tuple that repeats one already read in the same record for the same MAC: Azure at
 * times writes an identical tuple twice in a record (same text: time, 5-tuple, state, counters),
 * and a repeat is the same observation, so it counts once
 * ({@link io.nsgflow.model.FlowRow#isRepeat}). Only the tuples of the record at hand are held
 * (their index, in an open-addressing table sized to the record). The hash is made from the
 * decoded row, a handful of multiplications, rather than from the tuple's 60-odd characters one
 * after another (which cost 5-7% of {@code summary}); equal text decodes to an equal row, so an
 * identical tuple always lands in the same chain, and a candidate is confirmed on its text. A
 * record too large to hold is spilled, its tuples not at hand to compare with: its repeats are
 * found before it is decoded, by {@link SpilledRepeats}.
 */
final class RepeatedTuples {
    /**
     * Slots at first: enough for a record of 2047 tuples, so that a new input's first records do not
     * grow the table. A decoder is made per input, and a growth at each input's start was a branch
     * the JIT had never seen taken when it compiled the reading loop: taking it threw that loop's
     * compiled code away when the next input came. The cost is 32 KB of arrays per input read.
     */
    private static final int FIRST_CAPACITY = 4096;

    private int[] slots = new int[FIRST_CAPACITY]; // tuple index + 1; 0 for an empty slot
    private String[] macs = new String[FIRST_CAPACITY];
    private int mask = FIRST_CAPACITY - 1;
    private RawRecord record;
    /** The repeats of a spilled record, found beforehand; null for a record held in memory. */
    private BitSet spilledRepeats;

    /**
     * Starts on a new record: nothing is seen yet.
     *
     * @param macOf the MAC a group's tuples are compared under, as {@link #repeated} will be told it
     */
    void reset(RawRecord rec, Function<RawRecord.Group, String> macOf) {
        record = rec;
        spilledRepeats = rec.spilled() ? SpilledRepeats.find(rec, macOf) : null;
        if (spilledRepeats != null) {
            return;
        }
        int capacity = Integer.highestOneBit(Math.max(32, rec.tupleCount()) * 2 - 1) << 1;
        if (capacity > slots.length) {
            slots = new int[capacity];
            macs = new String[capacity];
        } else {
            Arrays.fill(slots, 0, capacity, 0);
        }
        mask = capacity - 1;
    }

    /**
     * True when an earlier tuple of the record has the same text and {@code mac}; else notes this
     * one. {@code row} is the tuple decoded.
     */
    boolean repeated(int tuple, String mac, FlowRow row) {
        if (spilledRepeats != null) {
            return spilledRepeats.get(tuple);
        }
        byte[] text = record.bytes();
        int start = record.tupleStart(tuple);
        int len = record.tupleLength(tuple);
        int h = hash(row);
        for (int i = (h ^ h >>> 16) & mask; ; i = i + 1 & mask) {
            int seen = slots[i] - 1;
            if (seen < 0) {
                slots[i] = tuple + 1;
                macs[i] = mac;
                return false;
            }
            if (record.tupleLength(seen) == len && Objects.equals(macs[i], mac)
                    && Arrays.equals(text, record.tupleStart(seen), record.tupleStart(seen) + len, text, start, start + len)) {
                return true;
            }
        }
    }

    /** The fields that tell tuples of one record apart: the time, the 5-tuple and the counters. */
    private static int hash(FlowRow row) {
        long h = row.timeMillis();
        h = h * 31 + row.srcLo();
        h = h * 31 + row.dstLo();
        h = h * 31 + ((long) row.srcPort() << 16 | row.dstPort());
        h = h * 31 + row.bytesSrcToDst();
        h = h * 31 + row.bytesDstToSrc();
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }
}
