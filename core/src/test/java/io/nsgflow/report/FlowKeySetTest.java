package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowKeySetTest {
    /** Random adds and removes over few distinct keys (long probe runs, many deletions) agree with a HashSet. */
    @Test
    void behavesAsASetThroughGrowthAndDeletions() {
        FlowKeySet set = new FlowKeySet();
        Set<List<Long>> model = new HashSet<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            long[] k = {random.nextInt(4), random.nextInt(50), random.nextInt(3), random.nextInt(40), random.nextInt(2),
                random.nextInt(30)};
            List<Long> key = List.of(k[0], k[1], k[2], k[3], k[4], k[5]);
            if (random.nextInt(3) == 0) {
                assertThat(set.remove(k[0], k[1], k[2], k[3], k[4], k[5])).isEqualTo(model.remove(key));
            } else {
                assertThat(set.add(k[0], k[1], k[2], k[3], k[4], k[5])).isEqualTo(model.add(key));
            }
            assertThat(set.size()).isEqualTo(model.size());
        }
        for (List<Long> key : model) {
            assertThat(set.add(key.get(0), key.get(1), key.get(2), key.get(3), key.get(4), key.get(5))).isFalse();
        }
        FlowKeySet copy = new FlowKeySet();
        copy.addAll(set);
        assertThat(copy.size()).isEqualTo(model.size());
    }
}
