package io.nsgflow.source;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The time a flow-log path's {@code y=/m=/d=/h=} segments name, as Network Watcher lays blobs out
 * ({@code .../y=2024/m=05/d=14/h=09/m=00/...}): what lets a listing or a folder walk skip the
 * folders of hours nobody wants.
 */
public final class LayoutTime {
    private LayoutTime() {
    }

    /**
     * The time the path {@code parts} cover, as {start, end} epoch milliseconds: an hour, a day, a
     * month or a year, by the deepest segment present; null when it names no year (or a value is
     * not a number).
     */
    public static long[] span(String[] parts) {
        int year = -1;
        int month = -1;
        int day = -1;
        int hour = -1;
        try {
            for (String part : parts) {
                String p = part.toLowerCase(Locale.ROOT);
                if (p.startsWith("y=")) {
                    year = Integer.parseInt(p.substring(2));
                } else if (p.startsWith("m=") && year >= 0 && month < 0) {
                    month = Integer.parseInt(p.substring(2)); // the second m= is the minute, always 00
                } else if (p.startsWith("d=") && month >= 0) {
                    day = Integer.parseInt(p.substring(2));
                } else if (p.startsWith("h=") && day >= 0) {
                    hour = Integer.parseInt(p.substring(2));
                }
            }
            if (year < 0) {
                return null;
            }
            LocalDateTime start = LocalDateTime.of(year, Math.max(month, 1), Math.max(day, 1), Math.max(hour, 0), 0);
            ChronoUnit unit = hour >= 0 ? ChronoUnit.HOURS : day >= 0 ? ChronoUnit.DAYS : month >= 0 ? ChronoUnit.MONTHS : ChronoUnit.YEARS;
            LocalDateTime end = start.plus(1, unit);
            return new long[] {start.toInstant(ZoneOffset.UTC).toEpochMilli(), end.toInstant(ZoneOffset.UTC).toEpochMilli()};
        } catch (RuntimeException e) { // NumberFormatException, DateTimeException: a folder not of the layout
            return null;
        }
    }
}
