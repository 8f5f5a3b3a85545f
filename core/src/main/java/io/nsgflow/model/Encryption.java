package io.nsgflow.model;

import java.util.List;

/** The encryption field of VNet flow tuples: {@code X} encrypted, {@code NX...} not, with the reason. */
public final class Encryption {
    /** Every value Microsoft documents; anything else is kept as written. */
    public static final List<String> KNOWN = List.of(
            "X", "NX", "NX_HW_NOT_SUPPORTED", "NX_SW_NOT_READY", "NX_NOT_ACCEPTED",
            "NX_NOT_SUPPORTED", "NX_LOCAL_DST", "NX_FALLBACK");

    private Encryption() {
    }

    /** True for {@code X}, the one value that means the flow was encrypted. */
    public static boolean isEncrypted(String value) {
        return "X".equals(value);
    }

    /**
     * The shared constant for a known value held in {@code buf[off, off+len)}, or a new String for
     * an unknown one, so that decoding the common values allocates nothing.
     */
    public static String intern(char[] buf, int off, int len) {
        for (String known : KNOWN) {
            if (sameChars(known, buf, off, len)) {
                return known;
            }
        }
        return new String(buf, off, len);
    }

    private static boolean sameChars(String s, char[] buf, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }
}
