package io.nsgflow.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellTextTest {
    private final CellText text = new CellText();

    @ParameterizedTest
    @CsvSource({
        "1542110377000, 2018-11-13T11:59:37Z", // whole seconds: NSG tuples
        "1663146003599, 2022-09-14T09:00:03.599Z", // milliseconds: VNet tuples
        "1663146003005, 2022-09-14T09:00:03.005Z",
        "1663146003050, 2022-09-14T09:00:03.050Z",
        "1542110400000, 2018-11-13T12:00:00Z", // second 00, which LocalDateTime leaves out
        "1542110400001, 2018-11-13T12:00:00.001Z",
        "0, 1970-01-01T00:00:00Z",
        "-1, 1969-12-31T23:59:59.999Z",
    })
    void times(long millis, String expected) {
        assertThat(text.time(millis).toString()).isEqualTo(expected);
        assertThat(written(millis)).as("written as bytes").isEqualTo(expected);
        assertThat(Instant.parse(expected).toEpochMilli()).as("the text reads back").isEqualTo(millis);
    }

    @Test
    void theCachedSecondNeverLeaksIntoTheNextTime() {
        assertThat(text.time(1663146003599L).toString()).isEqualTo("2022-09-14T09:00:03.599Z");
        assertThat(text.time(1663146003000L).toString()).isEqualTo("2022-09-14T09:00:03Z");
        assertThat(text.time(1663146002999L).toString()).as("going back in time").isEqualTo("2022-09-14T09:00:02.999Z");
        assertThat(text.time(1663146060000L).toString()).isEqualTo("2022-09-14T09:01:00Z");
    }

    @Test
    void addresses() {
        assertThat(text.ip(0, 0x0000_FFFF_0A00_0004L).toString()).isEqualTo("10.0.0.4");
        assertThat(text.ip(0x2001_0db8_0000_0002L, 5).toString()).isEqualTo("2001:db8:0:2::5");
        assertThat(text.ip(0, 1).toString()).isEqualTo("::1");
    }

    @Test
    void timesAcrossSecondsAndMinutesWithTheCachedMinute() {
        long[] samples = {0, 59_000, 60_000, 61_001, 1_542_110_377_000L, 1_542_110_377_999L, 1_542_110_400_000L,
            1_542_110_399_010L, 253_402_300_799_999L, -1};
        for (long millis : samples) {
            String expected = Instant.ofEpochMilli(millis).toString();
            assertThat(text.time(millis).toString()).as("%d", millis).isEqualTo(expected);
            assertThat(written(millis)).as("%d written as bytes", millis).isEqualTo(expected);
        }
    }

    /** The time as {@link CellText#time(TextOut, long)} writes it, through this test's one cache. */
    private String written(long millis) {
        java.io.StringWriter w = new java.io.StringWriter();
        TextOut out = new TextOut(w, false, 64);
        text.time(out, millis);
        out.flush();
        return w.toString();
    }
}
