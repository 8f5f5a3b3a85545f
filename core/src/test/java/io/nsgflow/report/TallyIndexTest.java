package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.model.Action;
import io.nsgflow.model.Direction;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.FlowState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index counts each key's rows in its own slot, through growth, as a {@link Tally} per key would. */
class TallyIndexTest {
    @Test
    void countsEveryKeyAsATallyOfItsOwnWouldThroughGrowthAndNoOther() {
        TallyIndex index = new TallyIndex();
        Map<List<Long>, Tally> expected = new HashMap<>();
        Random random = new Random(1);
        FlowRow row = new FlowRow();
        for (int i = 0; i < 40_000; i++) {
            long hi = random.nextInt(3);
            long lo = i % 2 == 0 ? 0xFFFF_0000_0000L | random.nextInt(1 << 14) : random.nextLong() % 5000;
            row.setCounters(random.nextInt(10), random.nextInt(10_000), random.nextInt(10), random.nextInt(10_000));
            row.setDecision(Direction.INBOUND, random.nextBoolean() ? Action.ALLOW : Action.DENY, FlowState.CONTINUING);
            boolean tuple = random.nextInt(4) > 0;
            boolean flow = !tuple || random.nextBoolean();
            index.add(hi, lo, row, tuple, flow);
            expected.computeIfAbsent(List.of(hi, lo), k -> new Tally()).add(row, tuple, flow);
        }
        Map<List<Long>, List<Long>> counted = new HashMap<>();
        index.forEach((hi, lo, t) -> counted.put(List.of(hi, lo), counts(t)));
        Map<List<Long>, List<Long>> wanted = new HashMap<>();
        expected.forEach((k, t) -> wanted.put(k, counts(t)));
        assertThat(counted).isEqualTo(wanted);
        assertThat(index.size()).isEqualTo(expected.size());

        TallyIndex merged = new TallyIndex();
        index.forEach(merged::add);
        index.forEach(merged::add);
        merged.forEach((hi, lo, t) -> assertThat(counts(t)).isEqualTo(counts(twice(expected.get(List.of(hi, lo))))));
    }

    @Test
    void keysWithAHighHalfComingAfterManyWithoutOneAreHeldApartFromThem() {
        TallyIndex index = new TallyIndex();
        FlowRow row = new FlowRow();
        row.setCounters(1, 10, 2, 20);
        row.setDecision(Direction.INBOUND, Action.ALLOW, FlowState.CONTINUING);
        for (int i = 0; i < 5_000; i++) { // IPv4 addresses and ports: high half 0, through several growths
            index.add(0, i % 2 == 0 ? 0xFFFF_0000_0000L | i : i, row, true, false);
        }
        for (int i = 0; i < 5_000; i++) { // IPv6 addresses whose low halves equal those above, counted twice
            long lo = i % 2 == 0 ? 0xFFFF_0000_0000L | i : i;
            index.add(0x2001_0db8_0000_0000L + i % 7, lo, row, true, false);
            index.add(0x2001_0db8_0000_0000L + i % 7, lo, row, true, true);
        }
        Map<List<Long>, Long> tuples = new HashMap<>();
        index.forEach((hi, lo, t) -> tuples.put(List.of(hi, lo), t.tuples()));
        assertThat(tuples).hasSize(10_000);
        for (int i = 0; i < 5_000; i++) {
            long lo = i % 2 == 0 ? 0xFFFF_0000_0000L | i : i;
            assertThat(tuples.get(List.of(0L, lo))).isEqualTo(1);
            assertThat(tuples.get(List.of(0x2001_0db8_0000_0000L + i % 7, lo))).isEqualTo(2);
        }
        assertThat(index.size()).isEqualTo(10_000);
    }

    private static Tally twice(Tally t) {
        Tally sum = new Tally();
        sum.add(t);
        sum.add(t);
        return sum;
    }

    private static List<Long> counts(Tally t) {
        return List.of(t.flows(), t.allowed(), t.denied(), t.tuples(), t.packets(), t.bytes());
    }
}
