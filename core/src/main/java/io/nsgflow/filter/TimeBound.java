package io.nsgflow.filter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Parses {@code --since} and {@code --until}: an ISO-8601 instant ({@code 2024-05-14T09:30:00Z},
 * with an offset, or without one meaning UTC) or a date ({@code 2024-05-14}, UTC). A date given to
 * {@code --until} includes that whole day.
 */
public final class TimeBound {
    private TimeBound() {
    }

    /** Epoch milliseconds of the first instant {@code --since text} admits. */
    public static long since(String text) {
        return parse(text, false);
    }

    /** Epoch milliseconds of the first instant {@code --until text} excludes. */
    public static long until(String text) {
        return parse(text, true);
    }

    private static long parse(String text, boolean until) {
        String t = text.trim();
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
            // an instant given to --until is the last one included
            return until ? millis + 1 : millis;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (2024-05-14) or an ISO-8601 time (2024-05-14T09:30:00Z)");
        }
    }
}
