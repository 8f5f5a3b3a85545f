package io.nsgflow.model;

import java.util.Locale;

/** MAC addresses as nsgflow prints them: 12 upper-case hex digits, no separators. */
public final class Macs {
    private Macs() {
    }

    /** Upper-cases and drops {@code -} and {@code :} separators; null stays null. */
    public static String normalize(String mac) {
        if (mac == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < mac.length(); i++) {
            char c = mac.charAt(i);
            if (c != '-' && c != ':') {
                sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
