package io.nsgflow.model;

/**
 * UTF-8's byte patterns, in one place for every stage that writes them: the reader transcoding
 * UTF-16 and UTF-32 input, the record holding tuple text, the output writing text. What each does
 * with a char that is no character (a lone surrogate) is its own choice, made before it calls here.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * Writes the bytes of {@code value} at {@code dst[at]}: a code point, or a lone surrogate's code
     * unit, which takes the three bytes its value would (generalized UTF-8, as WTF-8 writes it).
     *
     * @return the bytes written, 1 to 4
     */
    public static int put(int value, byte[] dst, int at) {
        if (value < 0x80) {
            dst[at] = (byte) value;
            return 1;
        }
        if (value < 0x800) {
            dst[at] = (byte) (0xC0 | value >> 6);
            dst[at + 1] = (byte) (0x80 | value & 0x3F);
            return 2;
        }
        if (value < 0x10000) {
            dst[at] = (byte) (0xE0 | value >> 12);
            dst[at + 1] = (byte) (0x80 | value >> 6 & 0x3F);
            dst[at + 2] = (byte) (0x80 | value & 0x3F);
            return 3;
        }
        dst[at] = (byte) (0xF0 | value >> 18);
        dst[at + 1] = (byte) (0x80 | value >> 12 & 0x3F);
        dst[at + 2] = (byte) (0x80 | value >> 6 & 0x3F);
        dst[at + 3] = (byte) (0x80 | value & 0x3F);
        return 4;
    }
}
