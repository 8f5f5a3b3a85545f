package io.nsgflow.filter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --since} and {@code --until}: an ISO-8601 instant ({@code 2024-05-14T09:30:00Z},
 * with an offset, or without one meaning UTC), a date ({@code 2024-05-14}, UTC), epoch seconds
 * ({@code 1715677200}, as the logs write them), or a time before now ({@code 30s}, {@code 30m},
 * {@code 2h}, {@code 7d}, as {@code journalctl} and {@code kubectl logs --since} take them). A
 * date given to {@code --until} includes that whole day.
 */
public final class TimeBound {
    private static final Pattern AGO = Pattern.compile("(\\d{1,9})([smhd])");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

    private TimeBound() {
    }

    /** Epoch milliseconds of the first instant {@code --since text} admits, {@code now} for relative times. */
    public static long since(String text, long nowMillis) {
        return parse(text, false, nowMillis);
    }

    /** Epoch milliseconds of the first instant {@code --until text} excludes, {@code now} for relative times. */
    public static long until(String text, long nowMillis) {
        return parse(text, true, nowMillis);
    }

    private static long parse(String text, boolean until, long nowMillis) {
        String t = text.trim();
        // an instant given to --until is the last one included
        long last = until ? 1 : 0;
        Matcher ago = AGO.matcher(t.toLowerCase(Locale.ROOT));
        if (ago.matches()) {
            long unit = switch (ago.group(2)) {
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            return nowMillis - Long.parseLong(ago.group(1)) * unit + last;
        }
        if (EPOCH_SECONDS.matcher(t).matches()) {
            return Long.parseLong(t) * 1000 + last;
        }
        try {
            if (t.length() == 10) {
                LocalDate date = LocalDate.parse(t);
                return (until ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            // ISO_DATE_TIME takes seconds as optional, with or without an offset: 2024-05-14T09:30Z too
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
                    t.toUpperCase(Locale.ROOT), OffsetDateTime::from, LocalDateTime::from);
            long millis = parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant().toEpochMilli()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
            return millis + last;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time: give an ISO-8601 time (2024-05-14T09:30:00Z), "
                    + "a date (2024-05-14), epoch seconds (1715677200) or a time before now (30m, 2h, 7d)");
        }
    }
}
