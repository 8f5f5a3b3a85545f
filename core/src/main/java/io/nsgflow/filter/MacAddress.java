package io.nsgflow.filter;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses a {@code --mac} value in the spellings tools print: colons or dashes between bytes
 * ({@code 00:0d:3a:9e:14:f8}, {@code 00-0D-3A-9E-14-F8}), Cisco's dotted groups
 * ({@code 000d.3a9e.14f8}) or bare hex ({@code 000D3A9E14F8}); anything else, a partial MAC
 * included, is refused rather than silently matching nothing.
 */
public final class MacAddress {
    private static final Pattern SPELLINGS = Pattern.compile(
            "\\p{XDigit}{2}([:-])\\p{XDigit}{2}(\\1\\p{XDigit}{2}){4}|\\p{XDigit}{4}(\\.\\p{XDigit}{4}){2}|\\p{XDigit}{12}");

    private MacAddress() {
    }

    /** The MAC as nsgflow prints it: 12 upper-case hex digits. */
    public static String parse(String text) {
        String t = text.trim();
        if (!SPELLINGS.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address (00:0D:3A:9E:14:F8, 00-0D-3A-9E-14-F8, "
                    + "000d.3a9e.14f8 or 000D3A9E14F8)");
        }
        return t.replaceAll("[:.-]", "").toUpperCase(Locale.ROOT);
    }
}
