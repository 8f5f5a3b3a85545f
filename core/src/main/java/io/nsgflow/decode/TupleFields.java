package io.nsgflow.decode;

import io.nsgflow.model.FlowRow;
import io.nsgflow.model.IpAddress;
import io.nsgflow.parse.TupleText;

/**
 * A cursor over the comma-separated fields of one tuple in a shared byte buffer, its UTF-8 text
 * ({@link TupleText}). Each {@code next...} call consumes one field and parses it where it lies,
 * in one pass over the bytes: numbers and dotted-quad addresses are parsed while they are scanned, and anything
 * unusual falls back to a checked path that says exactly what is wrong. The field count is
 * checked as fields are consumed ({@link #end()} after the last); when it is wrong, that is the
 * error reported, whatever else is wrong with the tuple. A comma is one byte in UTF-8 and no byte
 * of another character, so fields end where they ended in the text's chars; what a message quotes
 * of a field is cut at characters ({@link #error}), as it was.
 */
final class TupleFields {
    private static final long MAX_PORT = 65_535;
    /** Epoch milliseconds of 9999-12-31: anything later is not a timestamp. */
    private static final long MAX_EPOCH = 253_402_300_799_999L;
    /** The same instant in epoch seconds, the unit of NSG flow logs. */
    private static final long MAX_EPOCH_SECONDS = MAX_EPOCH / 1000;
    /**
     * The largest packet or byte counter a tuple may carry: 2^48 - 1, some 281 TB in one tuple,
     * far more than any link carries between two tuples of a flow (at most a minute apart). A
     * larger one is damage, refused with the tuple; and since thousands of them would be needed
     * to pass {@link Long#MAX_VALUE}, the reports' sums stay exact ({@code report.CounterSum}).
     */
    static final long MAX_COUNTER = (1L << 48) - 1;
    /** Decimal digits of the largest long: a number written with more significant digits does not fit. */
    private static final int MAX_DIGITS = 19;
    /** Longer is not an address ({@link IpAddress#parse} refuses it). */
    private static final int MAX_ADDRESS = 45;
    private final long[] ip = new long[2];
    /** An address field off the fast path (IPv6, and anything unusual), widened for {@link IpAddress#parse}. */
    private final char[] address = new char[MAX_ADDRESS];
    private byte[] buf;
    private int start;
    private int pos;
    private int end;
    private int fieldStart;
    private int fieldEnd;
    private int field;
    private int expected;
    private String format;

    /** Starts on a tuple that must have exactly {@code expected} fields. */
    void reset(byte[] buf, int off, int len, int expected, String format) {
        this.buf = buf;
        this.start = off;
        this.pos = off;
        this.end = off + len;
        this.field = 0;
        this.expected = expected;
        this.format = format;
    }

    /** Checks that the last field has been consumed: the tuple has no more fields than expected. */
    void end() throws TupleException {
        if (pos <= end) {
            throw countError();
        }
    }

    private void advance() throws TupleException {
        if (pos > end) {
            throw countError(); // fewer fields than expected
        }
        byte[] b = buf;
        int e = end;
        int p = pos;
        while (p < e && b[p] != ',') {
            p++;
        }
        fieldStart = pos;
        fieldEnd = p;
        pos = p + 1; // past the comma
        field++;
    }

    /** Takes the field that ends at {@code p} (a comma or the end), found by a fast path. */
    private void took(int p) {
        fieldStart = pos;
        fieldEnd = p;
        pos = p + 1;
        field++;
    }

    /** True when {@code p} is where a field ends. */
    private boolean fieldEndsAt(int p) {
        return p == end || p < end && buf[p] == ',';
    }

    private int fieldCount() {
        return count(buf, start, end - start);
    }

    /** How many comma-separated fields the tuple in {@code buf[off, off+len)} has. */
    static int count(byte[] buf, int off, int len) {
        int fields = 1;
        for (int i = off; i < off + len; i++) {
            if (buf[i] == ',') {
                fields++;
            }
        }
        return fields;
    }

    private TupleException countError() {
        return new TupleException(format + " tuple needs " + expected + " fields, found " + fieldCount());
    }

    /** {@code e}, unless the tuple has the wrong number of fields: that is said first. */
    private TupleException checked(TupleException e) {
        return fieldCount() == expected ? e : countError();
    }

    /** Field {@code name} as a non-negative decimal no larger than {@code max}. */
    long nextLong(String name, long max) throws TupleException {
        byte[] b = buf;
        int e = end;
        int p = pos;
        long value = 0;
        while (p < e) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            value = value * 10 + d;
            p++;
        }
        int digits = p - pos;
        if (digits > 0 && digits <= 18 && value <= max && fieldEndsAt(p)) {
            took(p);
            return value;
        }
        advance();
        return parseLong(name, max);
    }

    /** Like {@link #nextLong} but an empty field gives {@link FlowRow#ABSENT}. */
    long nextCounter(String name) throws TupleException {
        if (pos <= end && fieldEndsAt(pos)) {
            took(pos);
            return FlowRow.ABSENT;
        }
        return nextLong(name, MAX_COUNTER);
    }

    private long parseLong(String name, long max) throws TupleException {
        int len = fieldEnd - fieldStart;
        if (len == 0) {
            throw error(name, "is empty");
        }
        int significant = fieldStart;
        while (significant < fieldEnd - 1 && buf[significant] == '0') {
            significant++; // leading zeros: the value decides, for ports and counters alike
        }
        if (fieldEnd - significant > MAX_DIGITS) {
            throw error(name, isDigits() ? "is out of range (max " + max + ")" : "is not a number");
        }
        long value = 0;
        for (int i = significant; i < fieldEnd; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw error(name, "is not a number");
            }
            value = value * 10 + d;
            if (value < 0) {
                throw error(name, "is out of range (max " + max + ")");
            }
        }
        if (value > max) {
            throw error(name, "is out of range (max " + max + ")");
        }
        return value;
    }

    /** Field {@code name} as an address; its halves are then in {@link #hi()} and {@link #lo()}. */
    void nextIp(String name) throws TupleException {
        int p = dottedQuad();
        if (p >= 0) {
            took(p);
            return;
        }
        advance();
        if (!parseAddress()) {
            throw error(name, "is not an IP address");
        }
    }

    /**
     * Parses the field just read as an address into {@link #ip}, widened a char a byte: a byte
     * of a character that is not ASCII widens to no character of an address, so it is refused
     * as the character was.
     */
    private boolean parseAddress() {
        int len = fieldEnd - fieldStart;
        if (len > MAX_ADDRESS) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            address[i] = (char) (buf[fieldStart + i] & 0xFF);
        }
        return IpAddress.parse(address, 0, len, ip);
    }

    /**
     * The fast path for the usual IPv4 address: parses a dotted quad (no leading zeros) that ends
     * the field into {@link #ip}. Returns where it ends, or -1 for anything else.
     */
    private int dottedQuad() {
        byte[] b = buf;
        int e = end;
        int p = pos;
        long value = 0;
        for (int octet = 0; octet < 4; octet++) {
            int first = p;
            int v = 0;
            while (p < e && p - first < 3) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                v = v * 10 + d;
                p++;
            }
            if (p == first || v > 255 || p - first > 1 && b[first] == '0') {
                return -1;
            }
            value = value << 8 | v;
            if (octet < 3) {
                if (p >= e || b[p] != '.') {
                    return -1;
                }
                p++;
            }
        }
        if (!fieldEndsAt(p)) {
            return -1;
        }
        ip[0] = IpAddress.V4_HI;
        ip[1] = IpAddress.v4Lo((int) value);
        return p;
    }

    long hi() {
        return ip[0];
    }

    long lo() {
        return ip[1];
    }

    /** Field {@code name}, which must be one character; returns it. */
    char nextLetter(String name) throws TupleException {
        advance();
        if (fieldEnd - fieldStart == 1) {
            return (char) (buf[fieldStart] & 0xFF);
        }
        if (fieldStart == fieldEnd) {
            throw error(name, "is empty");
        }
        String text = lastText(); // one character of several bytes is no letter of a format either, but is one character
        if (text.length() != 1) {
            throw error(name, "is not one letter");
        }
        return text.charAt(0);
    }

    /** Consumes a field of any text and returns its start; its length is {@link #lastLength()}. */
    int nextRaw(String name) throws TupleException {
        advance();
        if (fieldStart == fieldEnd) {
            throw error(name, "is empty");
        }
        return fieldStart;
    }

    int lastLength() {
        return fieldEnd - fieldStart;
    }

    byte[] buffer() {
        return buf;
    }

    /** The text of the field just read. */
    String lastText() {
        return TupleText.decode(buf, fieldStart, fieldEnd - fieldStart);
    }

    /** An error about the field just read, quoting it (or about the field count, when that is wrong). */
    TupleException error(String name, String what) {
        String text = TupleText.decode(buf, fieldStart, fieldEnd - fieldStart, 40);
        return checked(new TupleException(name + " (field " + field + ") '" + text + "' " + what));
    }

    private boolean isDigits() {
        for (int i = fieldStart; i < fieldEnd; i++) {
            if (buf[i] < '0' || buf[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The five fields every format starts with, the same in NSG and VNet tuples: timestamp,
     * source IP, destination IP, source port, destination port.
     *
     * @param seconds true for NSG flow logs, whose timestamps are epoch seconds whatever their
     *                length; VNet flow logs' are milliseconds, or seconds in some of Microsoft's
     *                samples, told apart by size ({@link #toMillis})
     */
    void nextEndpoints(FlowRow row, boolean seconds) throws TupleException {
        row.setTime(seconds ? nextLong("timestamp", MAX_EPOCH_SECONDS) * 1000 : toMillis(nextLong("timestamp", MAX_EPOCH)));
        nextIp("source IP");
        long srcHi = hi();
        long srcLo = lo();
        nextIp("destination IP");
        long dstHi = hi();
        long dstLo = lo();
        row.setSource(srcHi, srcLo, (int) nextLong("source port", MAX_PORT));
        row.setDestination(dstHi, dstLo, (int) nextLong("destination port", MAX_PORT));
    }

    /** Reads four counters; they must be all empty or all numbers. */
    void nextCounters(FlowRow row) throws TupleException {
        long packetsOut = nextCounter("packets src->dst");
        long bytesOut = nextCounter("bytes src->dst");
        long packetsIn = nextCounter("packets dst->src");
        long bytesIn = nextCounter("bytes dst->src");
        boolean anyAbsent = (packetsOut | bytesOut | packetsIn | bytesIn) < 0;
        boolean allAbsent = packetsOut < 0 && bytesOut < 0 && packetsIn < 0 && bytesIn < 0;
        if (anyAbsent && !allAbsent) {
            throw checked(new TupleException("counters (fields 10-13) are partly empty"));
        }
        row.setCounters(packetsOut, bytesOut, packetsIn, bytesIn);
    }

    /** A VNet timestamp: epoch milliseconds, or seconds (some of Microsoft's samples), told apart by size: 13 digits or more are milliseconds. */
    static long toMillis(long epoch) {
        return epoch >= 100_000_000_000L ? epoch : epoch * 1000;
    }
}
