package io.nsgflow.decode;

import io.nsgflow.model.FlowRow;
import io.nsgflow.model.IpAddress;

/**
 * A cursor over the comma-separated fields of one tuple in a shared character buffer. Each
 * {@code next...} call consumes one field and parses it where it lies.
 */
final class TupleFields {
    private final long[] ip = new long[2];
    private char[] buf;
    private int pos;
    private int end;
    private int fieldStart;
    private int fieldEnd;
    private int field;

    /** Starts on a tuple and checks it has exactly {@code expected} fields. */
    void reset(char[] buf, int off, int len, int expected, String format) throws TupleException {
        int fields = 1;
        for (int i = off; i < off + len; i++) {
            if (buf[i] == ',') {
                fields++;
            }
        }
        if (fields != expected) {
            throw new TupleException(format + " tuple needs " + expected + " fields, found " + fields);
        }
        this.buf = buf;
        this.pos = off;
        this.end = off + len;
        this.field = 0;
    }

    private void advance() {
        fieldStart = pos;
        while (pos < end && buf[pos] != ',') {
            pos++;
        }
        fieldEnd = pos;
        pos++; // past the comma
        field++;
    }

    /** Field {@code name} as a non-negative decimal no larger than {@code max}. */
    long nextLong(String name, long max) throws TupleException {
        advance();
        return parseLong(name, max);
    }

    /** Like {@link #nextLong} but an empty field gives {@link FlowRow#ABSENT}. */
    long nextCounter(String name) throws TupleException {
        advance();
        return fieldStart == fieldEnd ? FlowRow.ABSENT : parseLong(name, Long.MAX_VALUE);
    }

    private long parseLong(String name, long max) throws TupleException {
        int len = fieldEnd - fieldStart;
        if (len == 0) {
            throw error(name, "is empty");
        }
        if (len > 19) {
            throw error(name, "is out of range");
        }
        long value = 0;
        for (int i = fieldStart; i < fieldEnd; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw error(name, "is not a number");
            }
            value = value * 10 + d;
            if (value < 0) {
                throw error(name, "is out of range");
            }
        }
        if (value > max) {
            throw error(name, "is out of range (max " + max + ")");
        }
        return value;
    }

    /** Field {@code name} as an address; its halves are then in {@link #hi()} and {@link #lo()}. */
    void nextIp(String name) throws TupleException {
        advance();
        if (!IpAddress.parse(buf, fieldStart, fieldEnd - fieldStart, ip)) {
            throw error(name, "is not an IP address");
        }
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
        if (fieldEnd - fieldStart != 1) {
            throw error(name, fieldStart == fieldEnd ? "is empty" : "is not one letter");
        }
        return buf[fieldStart];
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

    char[] buffer() {
        return buf;
    }

    /** An error about the field just read, quoting it. */
    TupleException error(String name, String what) {
        String text = new String(buf, fieldStart, Math.min(fieldEnd - fieldStart, 40));
        return new TupleException(name + " (field " + field + ") '" + text + "' " + what);
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
            throw new TupleException("counters (fields 10-13) are partly empty");
        }
        row.setCounters(packetsOut, bytesOut, packetsIn, bytesIn);
    }

    /** Epoch seconds or milliseconds, told apart by size: 13 digits or more are milliseconds. */
    static long toMillis(long epoch) {
        return epoch >= 100_000_000_000L ? epoch : epoch * 1000;
    }
}
