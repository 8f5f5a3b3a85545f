package io.nsgflow.decode;

import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.Encryption;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import io.nsgflow.model.IpAddress;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The fast path for the usual tuple, read eight bytes at a time: where each field ends is found
 * as a bit mask of its commas, and its digits are turned into a value with a few word-wide
 * multiplications (the SWAR digit parse), so that a field's unpredictable length costs no branch.
 * It takes only what is plainly valid (IPv4 in dotted quads, numbers of known lengths, letters in
 * their places) and answers false for anything else, without touching the row: the caller then
 * decodes the tuple on the checked path ({@link TupleFields}), which says exactly what is wrong.
 * So for every input the results and the messages are the checked path's.
 *
 * <p>Word loads read past the tuple's end, in the caller's array when it has room there ({@link
 * #ROOM}), else in a copy, so that they never read past an array; and no byte outside the tuple
 * can change the answer, since the tuple's last field must end exactly at its end. Not
 * thread-safe: one per decoder.
 */
final class TupleWords {
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /**
     * Bytes after a tuple's end that word loads may read: every field found starts at or before
     * the tuple's end, since commas are looked for only before it, and no load reaches more than
     * 64 bytes past a field's start.
     */
    private static final int ROOM = 128;
    /** A tuple with less room after it is copied to a scratch array, when it is no longer than this. */
    private static final int MAX_LENGTH = 128;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long LOW_BITS = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long COMMAS = 0x2C2C_2C2C_2C2C_2C2CL;
    private static final long DOTS = 0x2E2E_2E2E_2E2E_2E2EL;
    /** {@code '0'} in every byte: XOR with it turns digits into their values, 0 to 9. */
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    private static final long SIXES = 0x0606_0606_0606_0606L;
    private static final long HIGH_NIBBLES = 0xF0F0_F0F0_F0F0_F0F0L;
    /** Multiplies the high bits of a word's eight bytes into its top byte, first byte lowest. */
    private static final long GATHER = 0x0102_0408_1020_4080L;
    /** The commas that separate four one-letter fields, {@code L,L,L,L,}, as a word holds them. */
    private static final long LETTER_COMMAS = 0x2C00_2C00_2C00_2C00L;
    private static final long LETTER_COMMA_MASK = 0xFF00_FF00_FF00_FF00L;
    /** Bytes searched for the counters' commas: four counters of seven digits; twice as many for larger ones. */
    private static final int COUNTER_WINDOW = 4 * Long.BYTES;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};
    /** The smallest octet written with 1, 2 and 3 digits and no leading zero, a byte each. */
    private static final int OCTET_MINIMA = 100 << 16 | 10 << 8;

    private final byte[] copy = new byte[MAX_LENGTH + ROOM];
    /** The array holding the tuple being decoded, and where the tuple ends in it. */
    private byte[] b;
    private int end;
    private long time;
    private int src;
    private int dst;
    private int srcPort;
    private int dstPort;

    /**
     * Decodes an NSG tuple of version 1 or 2 into {@code row} when it is plainly valid.
     *
     * @return false, with {@code row} untouched, when the tuple needs the checked path
     */
    boolean nsg(byte[] buf, int off, int len, boolean version2, FlowRow row) {
        int p = start(buf, off, len);
        if (p < 0) {
            return false;
        }
        p = endpoints(p, TupleFields.MAX_EPOCH_SECONDS);
        if (p < 0) {
            return false;
        }
        long letters = word(p);
        int protocol = Letters.protocol((int) letters & 0xFF);
        Direction direction = Letters.direction((int) (letters >>> 16) & 0xFF);
        Action action = Letters.decision((int) (letters >>> 32) & 0xFF);
        if (protocol < 0 || direction == null || action == null) {
            return false;
        }
        if (!version2) {
            // T,I,D and the tuple's end
            if ((letters & 0xFF00_FF00L) != (LETTER_COMMAS & 0xFF00_FF00L) || p + 5 != end) {
                return false;
            }
            row.setCounters(FlowRow.ABSENT, FlowRow.ABSENT, FlowRow.ABSENT, FlowRow.ABSENT);
            commit(row, time * 1000, protocol, direction, action, null, null);
            return true;
        }
        FlowState state = Letters.nsgState((int) (letters >>> 48) & 0xFF);
        if ((letters & LETTER_COMMA_MASK) != LETTER_COMMAS || state == null || !counters(p + Long.BYTES, row)) {
            return false;
        }
        commit(row, time * 1000, protocol, direction, action, state, null);
        return true;
    }

    /**
     * Decodes a VNet tuple into {@code row} when it is plainly valid: its encryption one of the
     * values Microsoft documents, its protocol number in a byte.
     *
     * @return false, with {@code row} untouched, when the tuple needs the checked path
     */
    boolean vnet(byte[] buf, int off, int len, FlowRow row) {
        int p = start(buf, off, len);
        if (p < 0) {
            return false;
        }
        p = endpoints(p, TupleFields.MAX_EPOCH);
        if (p < 0 || end - p > Long.SIZE) {
            return false;
        }
        // protocol,I|O,state,encryption, then the counters
        long commas = commaBits(p, Long.BYTES);
        if (Long.bitCount(commas) != 7) {
            return false;
        }
        int c1 = Long.numberOfTrailingZeros(commas);
        int c2 = Long.numberOfTrailingZeros(commas &= commas - 1);
        int c3 = Long.numberOfTrailingZeros(commas &= commas - 1);
        int c4 = Long.numberOfTrailingZeros(commas &= commas - 1);
        long protocol = number(word(p), c1);
        Direction direction = Letters.direction(b[p + c1 + 1] & 0xFF);
        FlowState state = Letters.vnetState(b[p + c2 + 1] & 0xFF);
        String encryption = Encryption.known(b, p + c3 + 1, c4 - c3 - 1);
        if (c1 == 0 || protocol < 0 || protocol > VnetTupleDecoder.MAX_PROTOCOL || c2 - c1 != 2 || c3 - c2 != 2
                || direction == null || state == null || encryption == null || !counters(p + c4 + 1, row)) {
            return false;
        }
        commit(row, TupleFields.toMillis(time), (int) protocol, direction, state == FlowState.DENY ? Action.DENY : Action.ALLOW,
                state, encryption);
        return true;
    }

    /**
     * Where the tuple starts in the array the fast path reads, {@link #b}: the caller's when it has
     * room for every word load after the tuple, else a copy; -1 when the tuple is too long.
     */
    private int start(byte[] buf, int off, int len) {
        if (len > MAX_LENGTH) {
            return -1;
        }
        if (buf.length - off - len >= ROOM) {
            b = buf;
            end = off + len;
            return off;
        }
        System.arraycopy(buf, off, copy, 0, len);
        b = copy;
        end = len;
        return 0;
    }

    private long word(int p) {
        return (long) WORD.get(b, p);
    }

    /**
     * The commas among the {@code words * 8} bytes from {@code p} that are before the tuple's end,
     * a bit each, the first byte's lowest. The words are loaded and searched independently of each
     * other, so the processor does them side by side; only then are the fields found one after
     * the other, one cheap step each.
     */
    private long commaBits(int p, int words) {
        long bits = 0;
        for (int i = 0; i < words; i++) {
            bits |= (long) gather(exactly(word(p + i * Long.BYTES) ^ COMMAS)) << (i * Long.BYTES);
        }
        int len = end - p;
        return bits & (len >= Long.SIZE ? -1L : ~(-1L << len));
    }

    /**
     * The five fields every format starts with at {@code p}: a timestamp of at most
     * {@code maxEpoch}, two IPv4 addresses and two ports, kept in this object's fields. Returns
     * where the next field starts, or -1 when they are not plainly valid.
     */
    private int endpoints(int p, long maxEpoch) {
        long commas = commaBits(p, Long.BYTES);
        if (Long.bitCount(commas) < 5) {
            return -1;
        }
        int c1 = Long.numberOfTrailingZeros(commas);
        int c2 = Long.numberOfTrailingZeros(commas &= commas - 1);
        int c3 = Long.numberOfTrailingZeros(commas &= commas - 1);
        int c4 = Long.numberOfTrailingZeros(commas &= commas - 1);
        int c5 = Long.numberOfTrailingZeros(commas &= commas - 1);
        long source = quad(p + c1 + 1, c2 - c1 - 1);
        long destination = quad(p + c2 + 1, c3 - c2 - 1);
        long srcPort = number(word(p + c3 + 1), c4 - c3 - 1);
        long dstPort = number(word(p + c4 + 1), c5 - c4 - 1);
        long t = timestamp(p, c1);
        if ((source | destination | srcPort | dstPort | t) < 0 || t > maxEpoch
                || srcPort == 0 && c4 - c3 == 1 || dstPort == 0 && c5 - c4 == 1
                || (srcPort | dstPort) > TupleFields.MAX_PORT) {
            return -1;
        }
        time = t;
        src = (int) source;
        dst = (int) destination;
        this.srcPort = (int) srcPort;
        this.dstPort = (int) dstPort;
        return p + c5 + 1;
    }

    /** The timestamp of {@code len} digits at {@code p}, 8 to 15, or -1. */
    private long timestamp(int p, int len) {
        return len < Long.BYTES ? -1 : wideNumber(p, len);
    }

    /**
     * The number of {@code len} digits at {@code p}, 8 to 15: eight in the first word, the rest in
     * the second; -1 when it is not one.
     */
    private long wideNumber(int p, int len) {
        int rest = len - Long.BYTES;
        if (rest >= Long.BYTES) {
            return -1;
        }
        long high = word(p) ^ ZEROS;
        long low = ((word(p + Long.BYTES) ^ ZEROS) & ~(-1L << rest * Byte.SIZE)) << (Long.SIZE - rest * Byte.SIZE);
        if (!allDigits(high) || !allDigits(low)) {
            return -1;
        }
        return parse(high) * POWERS_OF_TEN[rest] + parse(low);
    }

    /**
     * The dotted quad of {@code len} bytes at {@code p} (one to three digits an octet, no leading
     * zero, none above 255) as its 32-bit value, or -1.
     */
    private long quad(int p, int len) {
        if (len < 7 || len > 15) {
            return -1;
        }
        long w0 = word(p);
        int dots = (gather(exactly(w0 ^ DOTS)) | gather(exactly(word(p + Long.BYTES) ^ DOTS)) << Long.BYTES) & ~(-1 << len);
        if (Integer.bitCount(dots) != 3) {
            return -1;
        }
        int dot1 = Integer.numberOfTrailingZeros(dots);
        int dot2 = Integer.numberOfTrailingZeros(dots &= dots - 1);
        int dot3 = 31 - Integer.numberOfLeadingZeros(dots);
        int l1 = dot1;
        int l2 = dot2 - dot1 - 1;
        int l3 = dot3 - dot2 - 1;
        int l4 = len - dot3 - 1;
        if ((l1 - 1 | 3 - l1 | l2 - 1 | 3 - l2 | l3 - 1 | 3 - l3 | l4 - 1 | 3 - l4) < 0) {
            return -1;
        }
        // two octets a word, each right-aligned in four bytes, so that two steps of the digit parse give both
        long first = octets(w0, l1, word(p + dot1 + 1), l2);
        long second = octets(word(p + dot2 + 1), l3, word(p + dot3 + 1), l4);
        if (!allDigits(first) || !allDigits(second)) {
            return -1;
        }
        first = fourDigitLanes(first);
        second = fourDigitLanes(second);
        int o1 = (int) first;
        int o2 = (int) (first >>> 32);
        int o3 = (int) second;
        int o4 = (int) (second >>> 32);
        if ((o1 | o2 | o3 | o4) > 255
                || (o1 - octetMinimum(l1) | o2 - octetMinimum(l2) | o3 - octetMinimum(l3) | o4 - octetMinimum(l4)) < 0) {
            return -1;
        }
        return (o1 << 24 | o2 << 16 | o3 << 8 | o4) & 0xFFFF_FFFFL;
    }

    /** The digits of an octet of {@code l1} digits in bytes 0-3 and one of {@code l2} digits in bytes 4-7, right-aligned. */
    private static long octets(long w1, int l1, long w2, int l2) {
        return ((w1 ^ ZEROS) << (32 - l1 * Byte.SIZE)) & 0xFFFF_FFFFL | (w2 ^ ZEROS) << (Long.SIZE - l2 * Byte.SIZE);
    }

    /** The smallest value an octet of {@code digits} digits has when it has no leading zero. */
    private static int octetMinimum(int digits) {
        return OCTET_MINIMA >>> ((digits - 1) * Byte.SIZE) & 0xFF;
    }

    /**
     * The number of {@code len} digits, at most seven, at the start of {@code w}: 0 when
     * {@code len} is 0, -1 when it is not a number of at most seven digits.
     */
    private static long number(long w, int len) {
        int bits = len * Byte.SIZE;
        long digits = ((w ^ ZEROS) & ~(-1L << bits)) << (Long.SIZE - bits);
        if (len >= Long.BYTES || !allDigits(digits)) {
            return -1;
        }
        return parse(digits);
    }

    /**
     * The four counters from {@code p} (which may be past the tuple's end) to the tuple's end, all
     * empty or all numbers no larger than {@link TupleFields#MAX_COUNTER}, into {@code row}; false,
     * with {@code row} untouched, when they are anything else.
     */
    private boolean counters(int p, FlowRow row) {
        int len = end - p;
        if (len == 3 && (word(p) & 0xFF_FFFFL) == (COMMAS & 0xFF_FFFFL)) {
            row.setCounters(FlowRow.ABSENT, FlowRow.ABSENT, FlowRow.ABSENT, FlowRow.ABSENT); // a B tuple's ",,,"
            return true;
        }
        if (len < 3 || len >= 2 * COUNTER_WINDOW) {
            return false; // the tuple ended before its counters (whatever follows it), or they are too long
        }
        long commas = len < COUNTER_WINDOW ? commaBits(p, COUNTER_WINDOW / Long.BYTES) : commaBits(p, 2 * COUNTER_WINDOW / Long.BYTES);
        if (Long.bitCount(commas) != 3) {
            return false;
        }
        int c1 = Long.numberOfTrailingZeros(commas);
        int c2 = Long.numberOfTrailingZeros(commas &= commas - 1);
        int c3 = Long.numberOfTrailingZeros(commas &= commas - 1);
        int l1 = c1;
        int l2 = c2 - c1 - 1;
        int l3 = c3 - c2 - 1;
        int l4 = len - c3 - 1;
        if (l1 == 0 || l2 == 0 || l3 == 0 || l4 == 0) {
            return false; // partly empty
        }
        long packetsOut;
        long bytesOut;
        long packetsIn;
        long bytesIn;
        if ((l1 | l2 | l3 | l4) < Long.BYTES) {
            packetsOut = number(word(p), l1);
            bytesOut = number(word(p + c1 + 1), l2);
            packetsIn = number(word(p + c2 + 1), l3);
            bytesIn = number(word(p + c3 + 1), l4);
        } else {
            packetsOut = counter(p, l1);
            bytesOut = counter(p + c1 + 1, l2);
            packetsIn = counter(p + c2 + 1, l3);
            bytesIn = counter(p + c3 + 1, l4);
        }
        if ((packetsOut | bytesOut | packetsIn | bytesIn) < 0) {
            return false;
        }
        row.setCounters(packetsOut, bytesOut, packetsIn, bytesIn);
        return true;
    }

    /** A counter of 1 to 15 digits, for the rare tuple with one of eight digits or more; -1 when it is not one. */
    private long counter(int p, int len) {
        long value = len < Long.BYTES ? number(word(p), len) : wideNumber(p, len);
        return value > TupleFields.MAX_COUNTER ? -1 : value;
    }

    /** Writes the tuple into {@code row}, once all of it is known to be plainly valid. */
    private void commit(FlowRow row, long timeMillis, int protocol, Direction direction, Action action, FlowState state, String encryption) {
        row.setTime(timeMillis);
        row.setSource(IpAddress.V4_HI, IpAddress.v4Lo(src), srcPort);
        row.setDestination(IpAddress.V4_HI, IpAddress.v4Lo(dst), dstPort);
        row.setProtocol(protocol);
        row.setDecision(direction, action, state);
        row.setEncryption(encryption);
    }

    /** A high bit in each byte of {@code x} that is zero, exactly (no borrow from one byte to the next). */
    private static long exactly(long x) {
        return ~((x & LOW_BITS) + LOW_BITS | x | LOW_BITS);
    }

    /** The high bits of a word's bytes as eight bits, the first byte's lowest. */
    private static int gather(long highBits) {
        return (int) ((highBits >>> 7) * GATHER >>> 56);
    }

    /** True when every byte of {@code d} is 0 to 9: digits XOR-ed with {@code '0'}. */
    private static boolean allDigits(long d) {
        return ((d | d + SIXES) & HIGH_NIBBLES) == 0;
    }

    /** Eight digit values, the most significant in the lowest byte, as one number. */
    private static long parse(long d) {
        d = fourDigitLanes(d);
        return d * 10_000 + (d >>> 32) & 0xFFFF_FFFFL;
    }

    /** Eight digit values to two four-digit numbers, in bits 0-15 and 32-47. */
    private static long fourDigitLanes(long d) {
        d = d * 10 + (d >>> 8) & 0x00FF_00FF_00FF_00FFL;
        return d * 100 + (d >>> 16) & 0x0000_FFFF_0000_FFFFL;
    }
}
