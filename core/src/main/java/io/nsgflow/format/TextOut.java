package io.nsgflow.format;

import io.nsgflow.model.Utf8;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A buffered, unsynchronised text sink with number formatting that allocates nothing: the one
 * place output bytes pass through. Text is encoded as UTF-8 into a byte buffer as it is
 * appended (ASCII, nearly all of it, a byte per char with no encoder), and the buffer goes
 * straight to the byte stream behind a {@link ByteStreamWriter}: a third of {@code flows}' time
 * went to the char buffer and the JDK's char-to-UTF-8 encoder before. Any other {@link Writer}
 * (a test's, a scratch buffer's) is given the buffer decoded back to text. The buffer only ever
 * holds whole characters, so that decoding is exact. An unpaired surrogate is written as
 * {@code ?}, as the JDK's encoder writes it. Write errors become {@link OutputException}.
 */
public final class TextOut {
    private static final int SIZE = 1 << 16;
    /** The most bytes one appended char (or surrogate pair) takes. */
    private static final int MAX_CHAR_BYTES = 4;
    /** The most bytes a long takes in decimal, its sign included, and a settled surrogate's {@code ?}. */
    private static final int MAX_LONG_BYTES = 21;
    /** The tens and the ones digit of 0 to 99. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    /** 10 to the power of 0 to 18. */
    private static final long[] POWERS_OF_TEN = new long[19];
    /** Each of 0 to 255 as 4 bytes: its 1 to 3 digits, padded, and their count last. */
    private static final byte[] OCTETS = new byte[256 * 4];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
        for (int i = 0; i < 256; i++) {
            byte[] digits = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(digits, 0, OCTETS, i * 4, digits.length);
            OCTETS[i * 4 + 3] = (byte) digits.length;
        }
    }

    private final Writer writer;
    /** The writer when its byte stream can be written directly; null when it is not a {@link ByteStreamWriter}. */
    private final ByteStreamWriter bytes;
    private final byte[] buf;
    /** A String's or StringBuilder's chars, copied out in bulk (a Latin-1 string's is one intrinsic). */
    private final char[] scratch = new char[64];
    private final boolean flushEachLine;
    private int count;
    /** Bytes drained from the buffer so far: with {@link #count}, a position in all that was written. */
    private long drained;
    /** A high surrogate appended alone, waiting for its low half; 0 for none. */
    private char pendingHigh;

    /**
     * @param flushEachLine flush at every {@link #endLine()}: for a terminal, where a person waits
     *                      for each row; off for pipes and files, where throughput matters
     */
    public TextOut(Writer writer, boolean flushEachLine) {
        this(writer, flushEachLine, SIZE);
    }

    /** @param size the buffer's length in bytes: small for a scratch buffer that builds one cell */
    TextOut(Writer writer, boolean flushEachLine, int size) {
        this.writer = writer;
        this.bytes = writer instanceof ByteStreamWriter b ? b : null;
        this.flushEachLine = flushEachLine;
        this.buf = new byte[Math.max(size, 32)]; // room for any one long and a wide char
    }

    public TextOut append(char c) {
        if (count > buf.length - MAX_CHAR_BYTES) {
            drain();
        }
        if (c < 0x80 && pendingHigh == 0) {
            buf[count++] = (byte) c;
        } else {
            encode(c);
        }
        return this;
    }

    public TextOut append(CharSequence s) {
        return append(s, 0, s.length());
    }

    /** Appends {@code s[from, to)}; Strings and StringBuilders are copied out in bulk. */
    public TextOut append(CharSequence s, int from, int to) {
        if (!(s instanceof String) && !(s instanceof StringBuilder)) {
            for (int i = from; i < to; i++) {
                append(s.charAt(i));
            }
            return this;
        }
        for (int i = from; i < to; i += scratch.length) {
            int n = Math.min(scratch.length, to - i);
            if (s instanceof String str) {
                str.getChars(i, i + n, scratch, 0);
            } else {
                ((StringBuilder) s).getChars(i, i + n, scratch, 0);
            }
            append(scratch, 0, n);
        }
        return this;
    }

    public TextOut append(String s) {
        return append(s, 0, s.length());
    }

    public TextOut append(char[] chars, int off, int len) {
        int i = off;
        int to = off + len;
        while (i < to) {
            if (count >= buf.length - MAX_CHAR_BYTES) {
                drain();
            }
            int stop = Math.min(to, i + (buf.length - MAX_CHAR_BYTES - count)); // leaves room for one wide char
            byte[] b = buf;
            int n = count;
            char c = 0;
            if (pendingHigh == 0) {
                while (i < stop && (c = chars[i]) < 0x80) {
                    b[n++] = (byte) c;
                    i++;
                }
            }
            count = n;
            if (i < stop) {
                encode(chars[i++]);
            }
        }
        return this;
    }

    /** The UTF-8 bytes of {@code s}, for text written again and again (JSON keys) with {@link #appendEncoded}. */
    static byte[] encoded(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Appends text already encoded by {@link #encoded}, copied in bulk. */
    TextOut appendEncoded(byte[] utf8) {
        settle();
        if (utf8.length > buf.length - count) {
            drain();
            if (utf8.length > buf.length) { // by chars, so that a drain never cuts one in two
                return append(new String(utf8, StandardCharsets.UTF_8));
            }
        }
        System.arraycopy(utf8, 0, buf, count, utf8.length);
        count += utf8.length;
        return this;
    }

    /** Where the next byte goes, counted from the first: what {@link #since} copies from. */
    long position() {
        return drained + count;
    }

    /**
     * The bytes appended since {@code position}, or null when they are no longer all in the buffer
     * (it was drained in between) or end in half a character (a high surrogate alone so far).
     */
    byte[] since(long position) {
        if (position < drained || pendingHigh != 0) {
            return null;
        }
        return Arrays.copyOfRange(buf, (int) (position - drained), count);
    }

    /** Appends a long in decimal, two digits at a time. */
    public TextOut append(long value) {
        if (value == Long.MIN_VALUE) {
            return append(Long.toString(value));
        }
        if (count > buf.length - MAX_LONG_BYTES) {
            drain();
        }
        settle();
        if (value < 0) {
            buf[count++] = '-';
            value = -value;
        }
        count = decimal(value);
        return this;
    }

    /**
     * Appends text already encoded by {@link #encoded} (a JSON key, a separator), then a long in
     * decimal: a keyed number with one check for room, as most of a row's numbers are.
     */
    TextOut appendEncoded(byte[] before, long value) {
        int room = before.length + MAX_LONG_BYTES;
        if (value < 0 || room > buf.length) {
            return appendEncoded(before).append(value);
        }
        if (room > buf.length - count) {
            drain();
        }
        settle();
        System.arraycopy(before, 0, buf, count, before.length);
        count += before.length;
        count = decimal(value);
        return this;
    }

    /** Writes a value of at least 0 in decimal at {@link #count}, for which there is room; returns where it ends. */
    private int decimal(long value) {
        int end = count + digits(value);
        int pos = end;
        while (value > Integer.MAX_VALUE) {
            int pair = (int) (value % 100);
            value /= 100;
            buf[--pos] = ONES[pair];
            buf[--pos] = TENS[pair];
        }
        int v = (int) value; // ports and most counters start here: int arithmetic is cheaper
        while (v >= 100) {
            int pair = v % 100;
            v /= 100;
            buf[--pos] = ONES[pair];
            buf[--pos] = TENS[pair];
        }
        if (v >= 10) {
            buf[--pos] = ONES[v];
            buf[--pos] = TENS[v];
        } else {
            buf[--pos] = (byte) ('0' + v);
        }
        return end;
    }

    /** Appends an IPv4 address as a dotted quad, each octet's digits copied ready-made. */
    TextOut appendDottedQuad(int v4) {
        if (count > buf.length - 18) { // 15 bytes, and 2 more as each octet copies 3
            drain();
        }
        settle();
        byte[] b = buf;
        int n = octet(b, count, v4 >>> 24);
        b[n++] = '.';
        n = octet(b, n, v4 >>> 16 & 0xFF);
        b[n++] = '.';
        n = octet(b, n, v4 >>> 8 & 0xFF);
        b[n++] = '.';
        count = octet(b, n, v4 & 0xFF);
        return this;
    }

    /** Writes an octet's digits at {@code n}, and 3 bytes in all; returns where its digits end. */
    private static int octet(byte[] b, int n, int octet) {
        int at = octet << 2;
        b[n] = OCTETS[at];
        b[n + 1] = OCTETS[at + 1];
        b[n + 2] = OCTETS[at + 2];
        return n + OCTETS[at + 3];
    }

    /** Appends 0 to 99 as two digits, a leading zero included. */
    TextOut appendTwoDigits(int value) {
        if (count > buf.length - 2) {
            drain();
        }
        settle();
        buf[count++] = TENS[value];
        buf[count++] = ONES[value];
        return this;
    }

    /** How many decimal digits a value of at least 0 has: from its bit length, with no loop. */
    private static int digits(long value) {
        int log10 = (64 - Long.numberOfLeadingZeros(value | 1)) * 1233 >>> 12; // 1233 / 4096 is about log10(2)
        return log10 + ((value | 1) >= POWERS_OF_TEN[log10] ? 1 : 0); // | 1: 0 has a digit; powers of ten above 1 are even
    }

    /** Encodes one char that is not plain ASCII, or that follows a lone high surrogate; room for it is made. */
    private void encode(char c) {
        if (pendingHigh != 0 && Character.isLowSurrogate(c)) {
            count += Utf8.put(Character.toCodePoint(pendingHigh, c), buf, count);
            pendingHigh = 0;
            return;
        }
        if (pendingHigh != 0) {
            settle();
            if (count > buf.length - MAX_CHAR_BYTES) {
                drain();
            }
        }
        if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[count++] = '?';
        } else {
            count += Utf8.put(c, buf, count);
        }
    }

    /** A high surrogate left alone is written as {@code ?}, as the JDK's encoder writes it. */
    private void settle() {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            buf[count++] = '?';
        }
    }

    /** Ends a line: a newline, and a flush when writing to a terminal. */
    public void endLine() {
        append('\n');
        if (flushEachLine) {
            flush();
        }
    }

    public void flush() {
        drain();
        try {
            if (bytes != null) {
                bytes.stream().flush();
            } else {
                writer.flush();
            }
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    private void drain() {
        if (count == 0) {
            return;
        }
        try {
            if (bytes != null) {
                bytes.stream().write(buf, 0, count);
            } else {
                writer.write(new String(buf, 0, count, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new OutputException(e);
        }
        drained += count;
        count = 0;
    }
}
