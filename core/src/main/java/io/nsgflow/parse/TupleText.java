package io.nsgflow.parse;

import io.nsgflow.model.Utf8;

/**
 * How a record's tuple text is held: as UTF-8 bytes, which for a tuple (valid ones are ASCII) is a
 * byte a character. Jackson hands strings as UTF-16 chars, and a JSON escape such as
 * {@code \ud800} can make a lone surrogate, which UTF-8 has no bytes for: such a char is written
 * as the three bytes its code unit would take (generalized UTF-8, as WTF-8 does), so that every
 * string Jackson hands comes back char for char ({@link #decode}), and equal text is equal bytes.
 * That is what keeps messages quoting a hostile tuple, and a VNet encryption value kept as written,
 * the same as when the text was held as chars. A surrogate pair is one character of four bytes, as
 * in any UTF-8. A byte that starts no such sequence (bytes from elsewhere than {@link #encode})
 * reads as U+FFFD.
 */
public final class TupleText {
    /** Bytes one UTF-16 char takes at most (a surrogate pair takes four for two). */
    public static final int MAX_BYTES_PER_CHAR = 3;
    private static final char REPLACEMENT = '\uFFFD';

    private TupleText() {
    }

    /**
     * Copies {@code src[off, off+len)} to {@code dst} from {@code at}, a byte a char, while the
     * chars are ASCII; {@code dst} has room for {@code len} bytes there.
     *
     * @return true when all were ASCII; else the bytes written are to be ignored
     */
    static boolean widenAscii(char[] src, int off, int len, byte[] dst, int at) {
        int bits = 0;
        for (int i = 0; i < len; i++) {
            char c = src[off + i];
            bits |= c;
            dst[at + i] = (byte) c;
        }
        return bits < 0x80;
    }

    /**
     * Writes {@code src[off, off+len)} to {@code dst} from {@code at}, which has room for
     * {@code len * }{@link #MAX_BYTES_PER_CHAR} bytes there.
     *
     * @return the bytes written
     */
    public static int encode(char[] src, int off, int len, byte[] dst, int at) {
        int p = at;
        int end = off + len;
        for (int i = off; i < end; i++) {
            char c = src[i];
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(src[i + 1])) {
                p += Utf8.put(Character.toCodePoint(c, src[++i]), dst, p);
            } else {
                p += Utf8.put(c, dst, p); // a lone surrogate among the rest
            }
        }
        return p - at;
    }

    /** The chars {@code b[off, off+len)} stands for. */
    public static String decode(byte[] b, int off, int len) {
        return decode(b, off, len, Integer.MAX_VALUE);
    }

    /**
     * The first {@code maxChars} chars {@code b[off, off+len)} stands for: cut where a String of
     * the chars would be cut ({@code new String(chars, 0, maxChars)}), so a message that quotes
     * the start of a text reads as it did when the text was chars, even when the cut falls
     * inside a surrogate pair.
     */
    public static String decode(byte[] b, int off, int len, int maxChars) {
        char[] chars = new char[Math.min(len, maxChars)];
        int n = 0;
        int end = off + len;
        for (int i = off; i < end && n < chars.length; ) {
            int lead = b[i] & 0xFF;
            int size = sequenceLength(b, i, end);
            if (size == 1) {
                chars[n++] = lead < 0x80 ? (char) lead : REPLACEMENT;
            } else {
                int cp = lead & 0xFF >> size + 1;
                for (int k = 1; k < size; k++) {
                    cp = cp << 6 | b[i + k] & 0x3F;
                }
                if (cp > Character.MAX_CODE_POINT) {
                    chars[n++] = REPLACEMENT;
                } else if (cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                    chars[n++] = Character.highSurrogate(cp);
                    if (n < chars.length) {
                        chars[n++] = Character.lowSurrogate(cp);
                    }
                } else {
                    chars[n++] = (char) cp;
                }
            }
            i += size;
        }
        return new String(chars, 0, n);
    }

    /**
     * The bytes of the sequence that starts at {@code b[i]}: 1 for ASCII and for a byte that starts
     * no whole sequence of continuation bytes (one U+FFFD), else 2 to 4 as its lead byte says.
     */
    private static int sequenceLength(byte[] b, int i, int end) {
        int lead = b[i] & 0xFF;
        int size = lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 1;
        if (size > end - i) {
            return 1;
        }
        for (int k = 1; k < size; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 1;
            }
        }
        return size;
    }
}
