package io.nsgflow.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds overlong UTF-8, which the JSON parser decodes without complaint: {@code C0 AF} reads as
 * {@code /}, so a disguised character could slip past a filter or into a table. A lead byte of
 * such a sequence is replaced by {@code FF}, which no UTF-8 text holds, so that the parser rejects
 * it at its own position as it rejects any other invalid UTF-8; {@link #take()} tells what stood
 * there, for the message. Flow logs are ASCII: a buffer without a byte above 7F costs one pass
 * that reads it eight bytes at a time (C2 does not vectorise a byte-wise OR reduction: it took
 * 15% of a profile of {@code top}).
 */
final class Utf8Overlong {
    private static final byte INVALID = (byte) 0xff;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** A lead byte ({@code E0} or {@code F0}) at the end of the last buffer, whose next byte is still to check; 0 when none. */
    private int pendingLead;
    private String found;
    /** Null until the first bytes tell; false for UTF-16 and UTF-32, whose bytes are no UTF-8 (C0 00 is a valid 'À'). */
    private Boolean utf8;

    /** Checks {@code b[off, off+len)}, handed out in this order after the bytes checked before it, and defuses what it finds. */
    void check(byte[] b, int off, int len) {
        if (utf8 == null && len > 0) {
            utf8 = isUtf8(b, off, len);
        }
        if (utf8 != Boolean.TRUE) {
            return;
        }
        if (pendingLead == 0 && isAscii(b, off, len)) {
            return;
        }
        int i = off;
        if (pendingLead != 0 && len > 0) {
            if (isOverlong(pendingLead, b[off] & 0xff)) {
                found = hex(pendingLead) + " " + hex(b[off] & 0xff);
                b[off] = INVALID; // the lead is handed out already: the parser meets this one as a bad continuation
            }
            pendingLead = 0;
        }
        for (; i < off + len; i++) {
            int lead = b[i] & 0xff;
            if (lead == 0xc0 || lead == 0xc1) {
                found = hex(lead) + (i + 1 < off + len ? " " + hex(b[i + 1] & 0xff) : "");
                b[i] = INVALID;
            } else if (lead == 0xe0 || lead == 0xf0) {
                if (i + 1 == off + len) {
                    pendingLead = lead;
                } else if (isOverlong(lead, b[i + 1] & 0xff)) {
                    found = hex(lead) + " " + hex(b[i + 1] & 0xff);
                    b[i] = INVALID;
                }
            }
        }
    }

    /** What the last defused sequence was (its first bytes in hex), once; null when there was none. */
    String take() {
        String f = found;
        found = null;
        return f;
    }

    private static boolean isAscii(byte[] b, int off, int len) {
        long any = 0;
        int i = off;
        for (int end = off + len - 7; i < end; i += 8) {
            any |= (long) LONGS.get(b, i);
        }
        for (; i < off + len; i++) {
            any |= b[i];
        }
        return (any & HIGH_BITS) == 0;
    }

    /** As Jackson tells the encoding: a UTF-16 byte-order mark, or a zero byte among the first four, is not UTF-8. */
    private static boolean isUtf8(byte[] b, int off, int len) {
        if (len >= 2 && ((b[off] & 0xff) == 0xfe && (b[off + 1] & 0xff) == 0xff || (b[off] & 0xff) == 0xff && (b[off + 1] & 0xff) == 0xfe)) {
            return false;
        }
        for (int i = off; i < off + Math.min(len, 4); i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** A three- or four-byte lead whose second byte makes a value the shorter form could hold. */
    private static boolean isOverlong(int lead, int second) {
        return lead == 0xe0 ? second >= 0x80 && second < 0xa0 : second >= 0x80 && second < 0x90;
    }

    private static String hex(int b) {
        return String.format("%02X", b);
    }
}
