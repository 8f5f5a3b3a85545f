package io.nsgflow.format;

/**
 * Makes text from the input safe to show on a terminal: control characters (C0, DEL, C1), which
 * include the ESC that starts ANSI sequences, are written as visible escapes ({@code \n},
 * {@code \x1b}), so a hostile log cannot move the cursor, recolour or retitle the terminal. A
 * file name's byte that is not UTF-8 (kept as a lone surrogate by {@link io.nsgflow.source.LocalPaths})
 * is shown the same way, as the byte it is.
 */
public final class TerminalText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalText() {
    }

    public static String escape(CharSequence s) {
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s.toString();
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else { // a control, or a name's byte: the low 8 bits either way
                sb.append("\\x").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xDC80 && c <= 0xDCFF);
    }
}
