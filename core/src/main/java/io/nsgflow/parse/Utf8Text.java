package io.nsgflow.parse;

import io.nsgflow.model.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An input's text as UTF-8 bytes, whatever encoding JSON allows it is in: UTF-8 passes through
 * untouched; UTF-16 and UTF-32, either byte order, with or without a byte-order mark, told apart
 * from the first four bytes as Jackson tells them (RFC 4627 3), are transcoded. So everything
 * that works on bytes (going on after bad JSON at the next record start, the overlong check,
 * located messages) works the same for every encoding. {@link #inputOffset} maps an offset in the
 * UTF-8 bytes back to the offset of the same character in the input's own bytes, which is what
 * messages give: "byte N" is always a byte of the file as stored (decompressed). A UTF-16 or
 * UTF-32 byte-order mark becomes UTF-8's, which the parser skips as it would in a UTF-8 file.
 *
 * <p>A code unit that is no character (a lone surrogate, a UTF-32 value past U+10FFFF, a last
 * odd byte) becomes U+FFFD, as the decoder Jackson used for UTF-16 made it. Flow logs are ASCII:
 * an ASCII character costs one branch; only each other character is noted for the offset map,
 * and only for the last {@link #WINDOW} bytes handed out (no offset asked for is older).
 */
final class Utf8Text extends InputStream {
    /** How far behind the last byte handed out an offset may be asked for: far more than any parser or resync buffer holds. */
    static final int WINDOW = 1 << 20;
    private static final int REPLACEMENT = 0xFFFD;

    private final InputStream in;
    /** Whether the encoding is still to be told from the first bytes (a read from the input's start). */
    private boolean detect;
    /** Bytes per code unit in the input: 1 (UTF-8, passed through), 2 or 4. */
    private int unit = 1;
    private boolean bigEndian;
    private final byte[] buf = new byte[1 << 13];
    private int pos;
    private int end;
    private boolean eof;
    /** A failure of the read that followed the bytes looked at first, for the next read to throw. */
    private IOException failure;
    /** Bytes of the input consumed, and UTF-8 bytes made from them. */
    private long inCount;
    private long outCount;
    /** The rest of a character's UTF-8 bytes that the last read had no room for. */
    private final byte[] pending = new byte[4];
    private int pendingPos;
    private int pendingEnd;
    /** Each non-ASCII character made: where its UTF-8 bytes start, where its input bytes start, and both lengths. */
    private long[] outAt = new long[256];
    private long[] inAt = new long[256];
    private int[] lengths = new int[256];
    private int chars;
    /** Where the ASCII run before the first character noted starts, in both counts. */
    private long baseOut;
    private long baseIn;

    /**
     * @param fromStart true when {@code in} starts at the start of an input, whose first bytes tell its encoding;
     *                  false for an input entered mid-way (a byte range, a resumed read), read as the UTF-8 it is
     */
    Utf8Text(InputStream in, boolean fromStart) {
        this.in = in;
        this.detect = fromStart;
    }

    /**
     * Tells the encoding from the first four bytes, as Jackson's ByteSourceJsonBootstrapper does:
     * a byte-order mark, or where the zero bytes of the first character ('{' or '[') fall.
     */
    private void detect() throws IOException {
        detect = false;
        fill(4);
        if (end < 2) {
            return;
        }
        int b0 = buf[0] & 0xff;
        int b1 = buf[1] & 0xff;
        int q = end >= 4 ? b0 << 24 | b1 << 16 | (buf[2] & 0xff) << 8 | buf[3] & 0xff : -1;
        if (end >= 4 && (q == 0x0000FEFF || q >>> 8 == 0)) {
            unit = 4;
            bigEndian = true;
        } else if (end >= 4 && (q == 0xFFFE0000 || (q & 0x00FFFFFF) == 0)) {
            unit = 4;
        } else if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 != 0) {
            unit = 2;
            bigEndian = true;
        } else if (b0 == 0xFF && b1 == 0xFE || b0 != 0 && b1 == 0) {
            unit = 2;
        }
    }

    /** Whether the input is UTF-16 or UTF-32, made UTF-8 here. */
    boolean transcoded() {
        return unit > 1;
    }

    /** The offset in the input's own bytes of the character at {@code utf8Offset} of the bytes handed out. */
    long inputOffset(long utf8Offset) {
        if (unit == 1 || utf8Offset <= 0) {
            return utf8Offset;
        }
        int i = lastNotedAtOrBefore(utf8Offset);
        if (i < 0) {
            return baseIn + unit * (utf8Offset - baseOut);
        }
        int outLength = lengths[i] & 0xff;
        if (utf8Offset < outAt[i] + outLength) {
            return inAt[i];
        }
        return inAt[i] + (lengths[i] >>> 8) + unit * (utf8Offset - outAt[i] - outLength);
    }

    private int lastNotedAtOrBefore(long utf8Offset) {
        int lo = 0;
        int hi = chars - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (outAt[mid] <= utf8Offset) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (detect) {
            detect();
        }
        if (failure != null) {
            IOException e = failure;
            failure = null;
            throw e;
        }
        if (unit == 1) {
            if (pos == end) {
                return in.read(b, off, len);
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            // the rest of the buffer asked for, so that reads are as long as without the bytes looked at first;
            // a failure there comes with the next read, after the bytes before it, as the input itself gives it
            int more = 0;
            try {
                more = n < len && !eof ? in.read(b, off + n, len - n) : 0;
            } catch (IOException e) {
                failure = e;
            }
            return n + Math.max(more, 0);
        }
        int n = 0;
        while (n < len && pendingPos < pendingEnd) {
            b[off + n++] = pending[pendingPos++];
        }
        while (n < len) {
            if (end - pos < unit && !fill(unit)) {
                if (pos == end) {
                    break;
                }
                int width = end - pos; // a last code unit cut short
                pos = end;
                n = character(REPLACEMENT, width, b, off, n, len);
                continue;
            }
            int value = unitAt(pos);
            if (value >>> 7 == 0) {
                b[off + n++] = (byte) value;
                pos += unit;
                inCount += unit;
                outCount++;
                continue;
            }
            int width = unit;
            if (unit == 2 && value >= 0xD800 && value <= 0xDBFF && (end - pos >= 4 || fill(4))) {
                int low = unitAt(pos + 2);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
                    width = 4;
                }
            }
            if (value >= 0xD800 && value <= 0xDFFF || Integer.compareUnsigned(value, 0x10FFFF) > 0) {
                value = REPLACEMENT;
            }
            pos += width;
            n = character(value, width, b, off, n, len);
        }
        return n == 0 ? -1 : n;
    }

    /** Hands out the UTF-8 bytes of the non-ASCII {@code value}, made of {@code width} input bytes, noting where it is. */
    private int character(int value, int width, byte[] b, int off, int n, int len) {
        int length = encode(value);
        note(length, width);
        inCount += width;
        outCount += length;
        while (n < len && pendingPos < pendingEnd) {
            b[off + n++] = pending[pendingPos++];
        }
        return n;
    }

    private int encode(int value) {
        pendingPos = 0;
        pendingEnd = Utf8.put(value, pending, 0);
        return pendingEnd;
    }

    /** Notes a non-ASCII character starting at the current counts; forgets those older than {@link #WINDOW}. */
    private void note(int outLength, int inLength) {
        if (chars == outAt.length) {
            int old = 0;
            while (old < chars && outAt[old] + (lengths[old] & 0xff) < outCount - WINDOW) {
                old++;
            }
            if (old > 0) {
                baseOut = outAt[old - 1] + (lengths[old - 1] & 0xff);
                baseIn = inAt[old - 1] + (lengths[old - 1] >>> 8);
                System.arraycopy(outAt, old, outAt, 0, chars - old);
                System.arraycopy(inAt, old, inAt, 0, chars - old);
                System.arraycopy(lengths, old, lengths, 0, chars - old);
                chars -= old;
            } else {
                outAt = Arrays.copyOf(outAt, chars * 2);
                inAt = Arrays.copyOf(inAt, chars * 2);
                lengths = Arrays.copyOf(lengths, chars * 2);
            }
        }
        outAt[chars] = outCount;
        inAt[chars] = inCount;
        lengths[chars] = inLength << 8 | outLength;
        chars++;
    }

    private int unitAt(int i) {
        if (unit == 2) {
            return bigEndian ? (buf[i] & 0xff) << 8 | buf[i + 1] & 0xff : (buf[i + 1] & 0xff) << 8 | buf[i] & 0xff;
        }
        return bigEndian ? (buf[i] & 0xff) << 24 | (buf[i + 1] & 0xff) << 16 | (buf[i + 2] & 0xff) << 8 | buf[i + 3] & 0xff
                : (buf[i + 3] & 0xff) << 24 | (buf[i + 2] & 0xff) << 16 | (buf[i + 1] & 0xff) << 8 | buf[i] & 0xff;
    }

    /** Makes at least {@code n} bytes available from {@code pos}; false when the input ends first. */
    private boolean fill(int n) throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        while (end < n && !eof) {
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                eof = true;
            } else {
                end += r;
            }
        }
        return end >= n;
    }
}
