package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TallyIndexTest {
    @Test
    void findsEveryKeyItWasGivenThroughGrowthAndNoOther() {
        TallyIndex index = new TallyIndex();
        Map<String, Tally> expected = new HashMap<>();
        Random random = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            long hi = random.nextInt(3);
            long lo = i % 2 == 0 ? 0xFFFF_0000_0000L | random.nextInt(1 << 20) : random.nextLong();
            if (index.get(hi, lo) == null) {
                Tally t = new Tally();
                index.put(hi, lo, t);
                expected.put(hi + "/" + lo, t);
            }
        }
        for (Map.Entry<String, Tally> e : expected.entrySet()) {
            String[] k = e.getKey().split("/");
            assertThat(index.get(Long.parseLong(k[0]), Long.parseLong(k[1]))).isSameAs(e.getValue());
        }
        assertThat(index.get(7, 7)).isNull();
        Map<String, Tally> visited = new HashMap<>();
        index.forEach((hi, lo, t) -> visited.put(hi + "/" + lo, t));
        assertThat(visited).isEqualTo(expected);
    }

    @Test
    void keysWithAHighHalfComingAfterManyWithoutOneAreHeldApartFromThem() {
        TallyIndex index = new TallyIndex();
        Map<String, Tally> expected = new HashMap<>();
        for (int i = 0; i < 5_000; i++) { // IPv4 addresses and ports: high half 0, through several growths
            long lo = i % 2 == 0 ? 0xFFFF_0000_0000L | i : i;
            Tally t = new Tally();
            index.put(0, lo, t);
            expected.put(0 + "/" + lo, t);
        }
        assertThat(index.get(1, 2)).isNull(); // the low half of a key held, another high half
        for (int i = 0; i < 5_000; i++) { // IPv6 addresses whose low halves equal those above
            long lo = i % 2 == 0 ? 0xFFFF_0000_0000L | i : i;
            Tally t = new Tally();
            index.put(0x2001_0db8_0000_0000L + i % 7, lo, t);
            expected.put((0x2001_0db8_0000_0000L + i % 7) + "/" + lo, t);
        }
        for (Map.Entry<String, Tally> e : expected.entrySet()) {
            String[] k = e.getKey().split("/");
            assertThat(index.get(Long.parseLong(k[0]), Long.parseLong(k[1]))).isSameAs(e.getValue());
        }
        assertThat(index.size()).isEqualTo(10_000);
        Map<String, Tally> visited = new HashMap<>();
        index.forEach((hi, lo, t) -> visited.put(hi + "/" + lo, t));
        assertThat(visited).isEqualTo(expected);
    }
}
