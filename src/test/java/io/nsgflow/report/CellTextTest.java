package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CellTextTest {
    private final CellText text = new CellText();

    @Test
    void timesAcrossSecondsAndMinutesWithTheCachedMinute() {
        long[] samples = {0, 59_000, 60_000, 61_001, 1_542_110_377_000L, 1_542_110_377_999L, 1_542_110_400_000L,
            1_542_110_399_010L, 253_402_300_799_999L, -1};
        for (long millis : samples) {
            String expected = Instant.ofEpochMilli(millis).toString();
            assertThat(text.time(millis).toString()).as("%d", millis).isEqualTo(expected);
        }
    }
}
