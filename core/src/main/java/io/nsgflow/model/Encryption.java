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
     * The shared constant for the known value whose ASCII bytes are {@code buf[off, off+len)}, or
     * null for an unknown one (which the caller reads as the text it is), so that decoding the
     * common values allocates nothing.
     */
    public static String known(byte[] buf, int off, int len) {
        for (String known : KNOWN) {
            if (sameText(known, buf, off, len)) {
                return known;
            }
        }
        return null;
    }

    private static boolean sameText(String s, byte[] buf, int off, int len) {
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
