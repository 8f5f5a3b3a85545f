package io.nsgflow.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The bytes a {@link RecordStream} parses, with what going on after bad JSON needs: a parser that
 * is given up can hand back the bytes it had read ahead ({@link #unreader()}), reading can be
 * limited to one line (for one record per line), and the stream can be searched for the next
 * record start. It counts the bytes it hands out, so that offsets stay absolute across parsers.
 *
 * <p>When neither a line limit nor given-back bytes are in play, reads go straight to the
 * underlying stream, so the normal case costs one extra call per buffer.
 */
final class ResumableInput extends InputStream {
    /** Longest run of whitespace allowed between the tokens of a record start. */
    private static final int MAX_GAP = 64;
    private static final byte[][] FIRST_KEYS = {"\"time\"".getBytes(), "\"category\"".getBytes()};
    private static final int LOOKAHEAD = 1 + MAX_GAP + "\"category\"".length() + MAX_GAP + 1;

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private long position;
    private boolean lineLimited;
    private boolean lineEnded;
    private final Utf8Overlong overlong = new Utf8Overlong();

    /** @param position the offset in the whole input of the first byte {@code in} gives */
    ResumableInput(InputStream in, long position) {
        this.in = in;
        this.position = position;
    }

    /** Skips whitespace and at most one comma: what separates a record from the one before it. */
    void skipSeparator() throws IOException {
        boolean comma = false;
        while (pos < end || fill()) {
            byte b = buf[pos];
            if (!isWhitespace(b) && (b != ',' || comma)) {
                return;
            }
            comma |= b == ',';
            pos++;
            position++;
        }
    }

    /** Whether the line just read ended with a newline (rather than the input ending). */
    boolean lineEnded() {
        return lineEnded;
    }

    /** The overlong UTF-8 sequence defused since the last call ({@link Utf8Overlong}), or null. */
    String takeOverlong() {
        return overlong.take();
    }

    /** Bytes handed out so far, less those given back: the offset of the next byte read. */
    long position() {
        return position;
    }

    /** Puts bytes back in front of the stream; they are read again next. */
    void unread(byte[] bytes, int off, int len) {
        if (len > pos) {
            int kept = end - pos;
            byte[] grown = new byte[Math.max(buf.length, len + kept)];
            System.arraycopy(buf, pos, grown, grown.length - kept, kept);
            buf = grown;
            end = grown.length;
            pos = end - kept;
        }
        pos -= len;
        System.arraycopy(bytes, off, buf, pos, len);
        position -= len;
    }

    /** A sink for {@code JsonParser.releaseBuffered}: what is written to it is put back. */
    OutputStream unreader() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                unread(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                unread(b, off, len);
            }
        };
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (lineEnded) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (pos == end) {
            if (!lineLimited) {
                int n = in.read(b, off, len);
                if (n > 0) {
                    position += n;
                    overlong.check(b, off, n);
                }
                return n;
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, end - pos);
        if (lineLimited) {
            for (int i = pos; i < pos + n; i++) {
                if (buf[i] == '\n') {
                    n = i - pos;
                    lineEnded = true;
                    break;
                }
            }
        }
        System.arraycopy(buf, pos, b, off, n);
        overlong.check(b, off, n);
        pos += n;
        position += n;
        if (lineEnded) {
            pos++; // the newline is consumed, not handed out: a line cut short ends like a file cut short
            position++;
            if (n == 0) {
                return -1;
            }
        }
        return n;
    }

    /**
     * From now on, reads stop at the next newline, which is consumed but not handed out, and
     * return end of input there until the next call.
     *
     * @return false when there is nothing left to read
     */
    boolean startLine() throws IOException {
        lineLimited = true;
        lineEnded = false;
        return pos < end || fill();
    }

    /** Consumes the rest of the current line, newline included. */
    void skipRestOfLine() throws IOException {
        while (!lineEnded && (pos < end || fill())) {
            while (pos < end && !lineEnded) {
                lineEnded = buf[pos] == '\n';
                pos++;
                position++;
            }
        }
    }

    /**
     * Skips to the next place that looks like the start of a flow-log record: an object whose
     * first key is {@code time} (Azure's order) or {@code category} (key-sorted copies). Such a
     * brace and quote cannot occur inside a JSON string, so a match is a structural position.
     *
     * @return true when one was found: the next byte read is its {@code {}; false at the end of input
     */
    boolean skipToRecordStart() throws IOException {
        while (true) {
            if (pos == end && !fill()) {
                return false;
            }
            if (buf[pos] == '{') {
                ensure(LOOKAHEAD);
                if (isRecordStart()) {
                    return true;
                }
            }
            pos++;
            position++;
        }
    }

    private boolean isRecordStart() {
        int i = skipGap(pos + 1);
        for (byte[] key : FIRST_KEYS) {
            if (startsWith(i, key)) {
                int colon = skipGap(i + key.length);
                return colon < end && buf[colon] == ':';
            }
        }
        return false;
    }

    private int skipGap(int from) {
        int i = from;
        while (i < end && i - from < MAX_GAP && isWhitespace(buf[i])) {
            i++;
        }
        return i;
    }

    private boolean startsWith(int from, byte[] key) {
        if (from + key.length > end) {
            return false;
        }
        for (int k = 0; k < key.length; k++) {
            if (buf[from + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** Makes {@code n} bytes available from {@code pos}, or as many as the input still has. */
    private void ensure(int n) throws IOException {
        if (end - pos >= n) {
            return;
        }
        System.arraycopy(buf, pos, buf, 0, end - pos);
        end -= pos;
        pos = 0;
        while (end < n) {
            int read = in.read(buf, end, buf.length - end);
            if (read < 0) {
                break;
            }
            end += read;
        }
    }

    /** Refills the empty buffer. */
    private boolean fill() throws IOException {
        pos = 0;
        end = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        end = n;
        return true;
    }

    /** Lifts the line limit: reads run to the end of input again. */
    void endLines() {
        lineLimited = false;
        lineEnded = false;
    }
}
