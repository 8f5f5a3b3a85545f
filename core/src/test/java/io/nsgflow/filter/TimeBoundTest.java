package io.nsgflow.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeBoundTest {
    private static final long NOW = at("2024-05-14T12:00:00Z");

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void aDateIsTheWholeDayInUtc() {
        assertThat(TimeBound.since("2024-05-14", NOW)).isEqualTo(at("2024-05-14T00:00:00Z"));
        assertThat(TimeBound.until("2024-05-14", NOW)).as("--until a date includes that day").isEqualTo(at("2024-05-15T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-05-14T09:30:00Z, 2024-05-14T09:30:00Z",
        "2024-05-14t09:30:00z, 2024-05-14T09:30:00Z",
        "2024-05-14T09:30:00.250Z, 2024-05-14T09:30:00.250Z",
        "2024-05-14T09:30:00.3899262Z, 2024-05-14T09:30:00.389Z", // the 7 digits of record times
        "2024-05-14T09:30:00+02:00, 2024-05-14T07:30:00Z",
        "2024-05-14T09:30:00-05:30, 2024-05-14T15:00:00Z",
        "2024-05-14T09:30:00, 2024-05-14T09:30:00Z", // no zone: UTC
        "2024-05-14T09:30, 2024-05-14T09:30:00Z",
        "2024-05-14T09:30Z, 2024-05-14T09:30:00Z",
        "2024-05-14T09:30+02:00, 2024-05-14T07:30:00Z",
        " 2024-05-14T09:30:00Z , 2024-05-14T09:30:00Z",
    })
    void instants(String text, String expected) {
        assertThat(TimeBound.since(text, NOW)).isEqualTo(at(expected));
        assertThat(TimeBound.until(text, NOW)).as("--until an instant includes it").isEqualTo(at(expected) + 1);
    }

    /** The root command's --help shows {@code --since 2024-05-14T09:00Z}; it used to be a usage error. */
    @Test
    void minutesWithoutSecondsAsInTheHelpExample() {
        assertThat(TimeBound.since("2024-05-14T09:00Z", NOW)).isEqualTo(at("2024-05-14T09:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
        "30s, 2024-05-14T11:59:30Z",
        "30m, 2024-05-14T11:30:00Z",
        "2h, 2024-05-14T10:00:00Z",
        "2H, 2024-05-14T10:00:00Z",
        "7d, 2024-05-07T12:00:00Z",
    })
    void timesBeforeNowAsJournalctlTakesThem(String text, String expected) {
        assertThat(TimeBound.since(text, NOW)).isEqualTo(at(expected));
        assertThat(TimeBound.until(text, NOW)).isEqualTo(at(expected) + 1);
    }

    @Test
    void epochSecondsAsTheLogsWriteThem() {
        assertThat(TimeBound.since("1715677200", NOW)).isEqualTo(at("2024-05-14T09:00:00Z"));
        assertThat(TimeBound.until("1715677200", NOW)).isEqualTo(at("2024-05-14T09:00:00Z") + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01", "2024-05-14T25:00:00Z", "2024-05-14 09:30:00", "", "2024-5-14",
        "2w", "-2h", "1.5h", "1715678400000000"})
    void rejects(String text) {
        assertThatThrownBy(() -> TimeBound.since(text, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a time: give an ISO-8601 time (2024-05-14T09:30:00Z), a date (2024-05-14), "
                        + "epoch seconds (1715677200) or a time before now (30m, 2h, 7d)");
    }
}
