package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.model.FlowRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A ranking cut to its first rows is exactly the head of the whole ranking, ties included. */
class TalliesTest {
    /** Rows over few addresses and ports with small counters, and rules in turn, so that many keys tie. */
    private static List<FlowRow> rows(long seed) {
        Random random = new Random(seed);
        String[] rules = {"A", "B", "C", "D", "E", "F"};
        List<FlowRow> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String tuple = (1_700_000_000 + i) + ",10.0." + random.nextInt(4) + "." + random.nextInt(200) + ",52.1.2."
                    + random.nextInt(30) + "," + (40_000 + random.nextInt(20)) + "," + (random.nextBoolean() ? 443 : 80 + random.nextInt(40))
                    + "," + (random.nextBoolean() ? "T" : "U") + ",O," + (random.nextInt(4) == 0 ? "D" : "A") + ",E,1,"
                    + random.nextInt(3) + ",1," + random.nextInt(3);
            rows.add(TestRows.row("000D3AF87856", rules[i % rules.length], tuple));
        }
        return rows;
    }

    @Test
    void theFirstRowsOfARankingAreTheHeadOfTheWholeRankingWhateverTheTies() {
        for (Dimension<?> dimension : List.of(Dimension.SRC, Dimension.DST, Dimension.DST_PORT, Dimension.SRC_PORT, Dimension.RULE)) {
            for (long seed = 1; seed <= 3; seed++) {
                firstRowsAreTheHead(dimension, seed);
            }
        }
    }

    private static <K> void firstRowsAreTheHead(Dimension<K> dimension, long seed) {
        Tallies<K> tallies = new Tallies<>(dimension);
        rows(seed).forEach(r -> tallies.add(r, true, true));
        boolean tied = false;
        for (Metric metric : Metric.values()) {
            List<Map.Entry<K, Tally>> all = tallies.ranked(metric, 0);
            assertThat(all).hasSize(tallies.size());
            tied |= all.stream().map(e -> metric.of(e.getValue())).distinct().count() < all.size();
            for (int limit : new int[] {1, 2, 5, 17, all.size() - 1, all.size(), all.size() + 3}) {
                assertThat(tallies.ranked(metric, limit)).as("%s by %s, first %d", dimension.columns(), metric, limit)
                        .containsExactlyElementsOf(all.subList(0, Math.min(limit, all.size())));
            }
        }
        assertThat(tied).as("keys of %s tie", dimension.columns()).isTrue();
    }

    @Test
    void theTotalIsTheSumOfEveryEntry() {
        Tallies<?> tallies = new Tallies<>(Dimension.SRC);
        rows(4).forEach(r -> tallies.add(r, true, true));
        for (Metric metric : Metric.values()) {
            assertThat(tallies.total(metric)).isEqualTo(tallies.ranked(metric, 0).stream().mapToLong(e -> metric.of(e.getValue())).sum());
        }
    }
}
