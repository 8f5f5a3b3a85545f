package io.nsgflow.format;

import io.nsgflow.result.Measure;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as a table shows them to people: counts below a million in full with thousands
 * separators ({@code 12,345}), above it with a unit ({@code 3.4 M}); bytes with decimal units
 * ({@code 1.2 GB}: network traffic is counted in powers of ten); shares as percentages. Every
 * form fits in {@link #WIDTH} characters, so a column of them never needs to be wider. With
 * {@code exact}, counts and bytes are written in full, without separators, so they can be copied.
 * Written without {@link String#format}: a {@link java.util.Formatter} parses its pattern and makes
 * a {@code DecimalFormat} per number, 17% of the main thread of a one-record {@code summary}. The
 * text is the same as {@code %,d} and {@code %.1f} in {@code Locale.ROOT} (half-up on the double's
 * shortest decimal form), which HumanNumbersTest checks.
 */
final class HumanNumbers {
    /** The widest human-readable number: {@code 999,999}, {@code 12.3 MB}, {@code 100.0%}, {@code 23h 59m}. */
    static final int WIDTH = 7;
    private static final String[] COUNT_UNITS = {"", " k", " M", " G", " T", " P", " E"};
    private static final String[] BYTE_UNITS = {" B", " kB", " MB", " GB", " TB", " PB", " EB"};

    private HumanNumbers() {
    }

    static String integer(long value, Measure measure, boolean exact) {
        return switch (measure) {
            case COUNT -> exact ? Long.toString(value) : count(value);
            case BYTES -> exact ? Long.toString(value) : bytes(value);
            default -> Long.toString(value);
        };
    }

    static String decimal(double value, Measure measure, boolean exact) {
        if (!Double.isFinite(value)) {
            return null;
        }
        if (measure == Measure.FRACTION) {
            return fixed(value * 100, 1) + "%";
        }
        if (measure == Measure.SECONDS && !exact) {
            return duration(value);
        }
        return DecimalText.of(value);
    }

    /** {@code 0.25 s}, {@code 42 s}, {@code 3m 05s}, {@code 2h 03m}, {@code 3d 04h}: two units at most. */
    static String duration(double seconds) {
        if (seconds < 10) {
            return DecimalText.of(Math.round(seconds * 100) / 100.0) + " s";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + "m " + twoDigits(s % 60) + "s";
        }
        if (s < 86_400) {
            return s / 3600 + "h " + twoDigits(s % 3600 / 60) + "m";
        }
        return s / 86_400 + "d " + twoDigits(s % 86_400 / 3600) + "h";
    }

    static String count(long value) {
        if (Math.abs(value) < 1_000_000) {
            return grouped(value);
        }
        return scaled(value, COUNT_UNITS);
    }

    static String bytes(long value) {
        if (Math.abs(value) < 1000) {
            return value + BYTE_UNITS[0];
        }
        return scaled(value, BYTE_UNITS);
    }

    /** One decimal below 100 of the unit, none above: {@code 1.2 M}, {@code 12.3 M}, {@code 123 M}. */
    private static String scaled(long value, String[] units) {
        double v = value;
        int unit = 0;
        while (Math.abs(v) >= 999.5 && unit < units.length - 1) {
            v /= 1000;
            unit++;
        }
        String number = Math.abs(v) < 99.95 ? fixed(v, 1) : fixed(v, 0);
        return number + units[unit];
    }

    /** {@code 12,345}: thousands separated by commas. */
    private static String grouped(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (value < 0) {
            sb.append('-');
        }
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            sb.append(',').append(digits, i, i + 3);
        }
        return sb.toString();
    }

    /** {@code value} with {@code places} decimals, rounded half-up as {@code %.Nf} does; a negative zero keeps its sign, as there. */
    private static String fixed(double value, int places) {
        String text = BigDecimal.valueOf(Math.abs(value)).setScale(places, RoundingMode.HALF_UP).toPlainString();
        return Math.copySign(1.0, value) < 0 ? "-" + text : text;
    }

    private static String twoDigits(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
