package io.nsgflow.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The bytes a {@link RecordStream} parses, with what going on after bad JSON needs: a parser that
 * is given up can hand back the bytes it had read ahead ({@link #unreader()}), reading can be
 * limited to one line (for one record per line), and the stream can be searched for the next
 * record start. It counts the bytes it hands out, so that offsets stay absolute across parsers;
 * they count UTF-8 bytes ({@link Utf8Text}), which {@link #inputOffset} maps to the input's own.
 *
 * <p>When neither a line limit nor given-back bytes are in play, reads go straight to the
 * underlying stream, so the normal case costs one extra call per buffer.
 */
final class ResumableInput extends InputStream {

    private final Utf8Text in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private long position;
    private boolean lineLimited;
    private boolean lineEnded;
    private final Utf8Overlong overlong = new Utf8Overlong();

    /** @param position the offset in the whole input of the first byte {@code in} gives */
    ResumableInput(Utf8Text in, long position) {
        this.in = in;
        this.position = position;
    }

    /** The offset in the input's own bytes of {@code offset}, one in the UTF-8 bytes read here ({@link Utf8Text}). */
    long inputOffset(long offset) {
        return in.inputOffset(offset);
    }

    /** Whether the input is UTF-16 or UTF-32 text, read here as UTF-8. */
    boolean transcoded() {
        return in.transcoded();
    }

    /** Skips whitespace and at most one comma: what separates a record from the one before it. */
    void skipSeparator() throws IOException {
        boolean comma = false;
        while (pos < end || fill()) {
            byte b = buf[pos];
            if (!RecordStart.isWhitespace(b) && (b != ',' || comma)) {
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
     * Skips to the next place that looks like the start of a flow-log record, as
     * {@link RecordStart} tells it: an object whose first key is any record-level key.
     *
     * @return true when one was found: the next byte read is its {@code {}; false at the end of input
     */
    boolean skipToRecordStart() throws IOException {
        while (true) {
            if (pos == end && !fill()) {
                return false;
            }
            if (buf[pos] == '{') {
                boolean atEnd = ensure(RecordStart.LOOKAHEAD);
                if (RecordStart.at(buf, pos, end, atEnd) == RecordStart.Match.YES) {
                    return true;
                }
            }
            pos++;
            position++;
        }
    }

    /** Makes {@code n} bytes available from {@code pos}, or as many as the input still has: then true. */
    private boolean ensure(int n) throws IOException {
        if (end - pos >= n) {
            return false;
        }
        System.arraycopy(buf, pos, buf, 0, end - pos);
        end -= pos;
        pos = 0;
        while (end < n) {
            int read = in.read(buf, end, buf.length - end);
            if (read < 0) {
                return true;
            }
            end += read;
        }
        return false;
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
