package io.nsgflow.decode;

import io.nsgflow.parse.RawRecord;
import io.nsgflow.parse.SpillFile;
import io.nsgflow.parse.TupleText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The repeated tuples ({@link RepeatedTuples}' rule: the same text for the same MAC as an earlier
 * tuple of the record) of a record too large to hold, whose tuples are in a spill file
 * ({@link RawRecord#spilled()}). Holding every tuple seen to compare with would cost as much as
 * holding the record, so the record's tuples, each keyed by its MAC and text, are dealt into
 * partition files by the key's hash: equal keys land in the same partition, in the record's order,
 * and each partition (about {@link #PARTITION_BYTES}) is small enough to find its repeats with an
 * ordinary set. What stays in memory is a bit per tuple.
 */
final class SpilledRepeats {
    /** A partition's size: its keys make a set of a few tens of MB at most. */
    private static final long PARTITION_BYTES = 4L << 20;
    /** Partitions at most: each has a 64 KB write buffer while the record is dealt. */
    private static final int MAX_PARTITIONS = 512;

    private SpilledRepeats() {
    }

    /**
     * The tuples of {@code rec} that repeat an earlier one, a bit each by index.
     *
     * @param macOf the MAC a group's tuples are compared under
     * @throws UncheckedIOException when a temporary file cannot be written or read
     */
    static BitSet find(RawRecord rec, Function<RawRecord.Group, String> macOf) {
        int partitions = (int) Math.min(MAX_PARTITIONS, rec.spilledBytes() / PARTITION_BYTES + 1);
        SpillFile[] files = new SpillFile[partitions];
        try {
            deal(rec, macOf, files);
            BitSet repeats = new BitSet(rec.tupleCount());
            for (SpillFile file : files) {
                if (file != null) {
                    markRepeats(file, repeats);
                }
            }
            return repeats;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (SpillFile file : files) {
                if (file != null) {
                    file.close();
                }
            }
        }
    }

    /** Writes each tuple's key (its MAC's length, the MAC, the text; UTF-8 as the text is), numbered by the tuple's index, to its partition. */
    private static void deal(RawRecord rec, Function<RawRecord.Group, String> macOf, SpillFile[] files) throws IOException {
        byte[] key = new byte[256];
        for (RawRecord.Group g : rec.groups()) {
            String mac = macOf.apply(g);
            char[] prefixChars = (mac == null ? "-" : mac.length() + ":" + mac).toCharArray();
            byte[] prefix = new byte[prefixChars.length * TupleText.MAX_BYTES_PER_CHAR]; // encoded once a group
            int prefixLength = TupleText.encode(prefixChars, 0, prefixChars.length, prefix, 0);
            for (int t = g.firstTuple(); t < g.endTuple(); t++) {
                rec.load(t);
                int len = rec.tupleLength(t);
                int keyLength = prefixLength + len;
                if (key.length < keyLength) {
                    key = new byte[Math.max(keyLength, key.length * 2)];
                }
                System.arraycopy(prefix, 0, key, 0, prefixLength);
                System.arraycopy(rec.bytes(), rec.tupleStart(t), key, prefixLength, len);
                int p = Math.floorMod(hash(key, keyLength), files.length);
                if (files[p] == null) {
                    files[p] = SpillFile.create();
                }
                files[p].append(t, key, 0, keyLength);
            }
        }
    }

    /** Marks the entries of one partition whose key an earlier entry had. */
    private static void markRepeats(SpillFile file, BitSet repeats) throws IOException {
        Set<String> seen = new HashSet<>();
        file.rewind();
        while (file.next()) {
            if (!seen.add(new String(file.text(), 0, file.length(), StandardCharsets.ISO_8859_1))) { // a char a byte: equal keys, equal Strings
                repeats.set(file.number());
            }
        }
    }

    /** A hash of the key's bytes, mixed so that its low bits, which choose the partition, vary. */
    private static int hash(byte[] key, int length) {
        long h = 0;
        for (int i = 0; i < length; i++) {
            h = h * 31 + key[i];
        }
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }
}
