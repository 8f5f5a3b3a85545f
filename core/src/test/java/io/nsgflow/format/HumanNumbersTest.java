package io.nsgflow.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.result.Measure;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * HumanNumbers writes its numbers by hand rather than through {@link String#format} (which was
 * the main thread's biggest cost in a small {@code summary}): the text must stay what the patterns
 * wrote, for the goldens and for people used to it. Checked against the patterns themselves, over
 * every order of magnitude and the values that round half-up at a unit's edge.
 */
class HumanNumbersTest {
    private static final String[] COUNT_UNITS = {"", " k", " M", " G", " T", " P", " E"};

    @Test
    void countsAreWrittenAsThePatternsWroteThem() {
        Random random = new Random(16);
        for (int i = 0; i < 200_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            assertThat(HumanNumbers.count(value)).as("%d", value).isEqualTo(byPattern(value));
        }
        for (long edge : new long[] {0, 999, 1000, -1000, 999_999, -999_999, 1_000_000, 1_049_999, 1_050_000, 1_250_000,
            1_350_000, 99_950_000, 99_949_999, 999_499_999, 999_500_000, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
            assertThat(HumanNumbers.count(edge)).as("%d", edge).isEqualTo(byPattern(edge));
        }
    }

    @Test
    void sharesAndDurationsAreWrittenAsThePatternsWroteThem() {
        Random random = new Random(10);
        for (int i = 0; i < 100_000; i++) {
            double share = random.nextInt(100_001) / 100_000.0;
            assertThat(HumanNumbers.decimal(share, Measure.FRACTION, false))
                    .isEqualTo(String.format(Locale.ROOT, "%.1f%%", share * 100));
        }
        assertThat(HumanNumbers.decimal(-0.0, Measure.FRACTION, false)).isEqualTo(String.format(Locale.ROOT, "%.1f%%", -0.0));
        for (long s = 10; s < 400_000; s += 1 + s / 50) {
            String expected = s < 60 ? s + " s"
                    : s < 3600 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60)
                    : s < 86_400 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60)
                    : String.format(Locale.ROOT, "%dd %02dh", s / 86_400, s % 86_400 / 3600);
            assertThat(HumanNumbers.duration(s)).isEqualTo(expected);
        }
    }

    /** What HumanNumbers wrote with {@code %,d}, {@code %.1f} and {@code %.0f}. */
    private static String byPattern(long value) {
        if (Math.abs(value) < 1_000_000) {
            return String.format(Locale.ROOT, "%,d", value);
        }
        double v = value;
        int unit = 0;
        while (Math.abs(v) >= 999.5 && unit < COUNT_UNITS.length - 1) {
            v /= 1000;
            unit++;
        }
        return (Math.abs(v) < 99.95 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v)) + COUNT_UNITS[unit];
    }
}
