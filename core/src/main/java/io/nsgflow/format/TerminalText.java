package io.nsgflow.format;

/**
 * Makes text from the input safe to show on a terminal: control characters (C0, DEL, C1), which
 * include the ESC that starts ANSI sequences, are written as visible escapes ({@code \n},
 * {@code \x1b}), so a hostile log cannot move the cursor, recolour or retitle the terminal.
 * Unicode's bidirectional controls (U+202E and kin, which make text display reversed, as in
 * "Trojan Source") and its line and paragraph separators (U+2028, U+2029, which some terminals
 * and viewers break lines at) are written as {@code \u202e}: they too change how the rest of a
 * line reads.
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
            } else if (c > 0xff) {
                sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            } else {
                sb.append("\\x").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c >= 0x200e && isFormatting(c) || c == 0x061c;
    }

    /** LRM, RLM; the line and paragraph separators; the embeddings and overrides; the isolates. */
    private static boolean isFormatting(char c) {
        return c <= 0x200f || c >= 0x2028 && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }
}
