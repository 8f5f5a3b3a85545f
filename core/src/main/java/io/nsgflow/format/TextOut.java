package io.nsgflow.format;

import java.io.IOException;
import java.io.Writer;

/**
 * A buffered, unsynchronised character sink with number formatting that allocates nothing: the
 * one place output bytes pass through. Write errors become {@link OutputException}.
 */
public final class TextOut {
    private static final int SIZE = 1 << 16;

    private final Writer writer;
    private final char[] buf;
    private final char[] digits = new char[20];
    private final boolean flushEachLine;
    private int count;

    /**
     * @param flushEachLine flush at every {@link #endLine()}: for a terminal, where a person waits
     *                      for each row; off for pipes and files, where throughput matters
     */
    public TextOut(Writer writer, boolean flushEachLine) {
        this(writer, flushEachLine, SIZE);
    }

    /** @param size the buffer's length in chars: small for a scratch buffer that builds one cell */
    TextOut(Writer writer, boolean flushEachLine, int size) {
        this.writer = writer;
        this.flushEachLine = flushEachLine;
        this.buf = new char[size];
    }

    public TextOut append(char c) {
        if (count == buf.length) {
            drain();
        }
        buf[count++] = c;
        return this;
    }

    public TextOut append(CharSequence s) {
        return append(s, 0, s.length());
    }

    /** Appends {@code s[from, to)}; Strings and StringBuilders are copied in bulk. */
    public TextOut append(CharSequence s, int from, int to) {
        int i = from;
        while (i < to) {
            if (count == buf.length) {
                drain();
            }
            int n = Math.min(to - i, buf.length - count);
            if (s instanceof String str) {
                str.getChars(i, i + n, buf, count);
            } else if (s instanceof StringBuilder sb) {
                sb.getChars(i, i + n, buf, count);
            } else {
                for (int k = 0; k < n; k++) {
                    buf[count + k] = s.charAt(i + k);
                }
            }
            count += n;
            i += n;
        }
        return this;
    }

    public TextOut append(String s) {
        int len = s.length();
        int i = 0;
        while (i < len) {
            if (count == buf.length) {
                drain();
            }
            int n = Math.min(len - i, buf.length - count);
            s.getChars(i, i + n, buf, count);
            count += n;
            i += n;
        }
        return this;
    }

    public TextOut append(char[] chars, int off, int len) {
        for (int i = 0; i < len; ) {
            if (count == buf.length) {
                drain();
            }
            int n = Math.min(len - i, buf.length - count);
            System.arraycopy(chars, off + i, buf, count, n);
            count += n;
            i += n;
        }
        return this;
    }

    /** Appends a long in decimal. */
    public TextOut append(long value) {
        if (value == Long.MIN_VALUE) {
            return append(Long.toString(value));
        }
        if (value < 0) {
            append('-');
            value = -value;
        }
        int pos = digits.length;
        do {
            digits[--pos] = (char) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        return append(digits, pos, digits.length - pos);
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
            writer.flush();
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    private void drain() {
        try {
            writer.write(buf, 0, count);
        } catch (IOException e) {
            throw new OutputException(e);
        }
        count = 0;
    }
}
