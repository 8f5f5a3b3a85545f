package io.nsgflow.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

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

    private final Writer writer;
    /** The writer's byte stream, written directly; null when the writer is not a {@link ByteStreamWriter}. */
    private final OutputStream stream;
    private final byte[] buf;
    private final byte[] digits = new byte[20];
    /** A String's or StringBuilder's chars, copied out in bulk (a Latin-1 string's is one intrinsic). */
    private final char[] scratch = new char[64];
    private final boolean flushEachLine;
    private int count;
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
        this.stream = writer instanceof ByteStreamWriter b ? b.stream() : null;
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

    /** Appends a long in decimal. */
    public TextOut append(long value) {
        if (value == Long.MIN_VALUE) {
            return append(Long.toString(value));
        }
        if (count > buf.length - 21) {
            drain();
        }
        settle();
        if (value < 0) {
            buf[count++] = '-';
            value = -value;
        }
        int pos = digits.length;
        do {
            digits[--pos] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        int n = digits.length - pos;
        System.arraycopy(digits, pos, buf, count, n);
        count += n;
        return this;
    }

    /** Encodes one char that is not plain ASCII, or that follows a lone high surrogate; room for it is made. */
    private void encode(char c) {
        if (pendingHigh != 0 && Character.isLowSurrogate(c)) {
            int cp = Character.toCodePoint(pendingHigh, c);
            pendingHigh = 0;
            buf[count++] = (byte) (0xF0 | cp >> 18);
            buf[count++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buf[count++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[count++] = (byte) (0x80 | cp & 0x3F);
            return;
        }
        if (pendingHigh != 0) {
            settle();
            if (count > buf.length - MAX_CHAR_BYTES) {
                drain();
            }
        }
        if (c < 0x80) {
            buf[count++] = (byte) c;
        } else if (c < 0x800) {
            buf[count++] = (byte) (0xC0 | c >> 6);
            buf[count++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[count++] = '?';
        } else {
            buf[count++] = (byte) (0xE0 | c >> 12);
            buf[count++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[count++] = (byte) (0x80 | c & 0x3F);
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
            if (stream != null) {
                stream.flush();
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
            if (stream != null) {
                writer.flush(); // whatever was written to the writer itself goes first
                stream.write(buf, 0, count);
            } else {
                writer.write(new String(buf, 0, count, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new OutputException(e);
        }
        count = 0;
    }
}
