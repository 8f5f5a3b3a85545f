package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.model.ReadStats;
import io.nsgflow.model.FlowRow;
import io.nsgflow.report.Reporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParallelReadTest {
    /** A partial result that only knows which input it read. */
    private record Part(int index) implements Reporter {
        @Override
        public void accept(FlowRow row) {
        }

        @Override
        public void finish(ReadStats stats) {
        }
    }

    @Test
    void foldsInInputOrderWhenLaterInputsFinishFirst() {
        CountDownLatch laterDone = new CountDownLatch(2);
        List<Integer> folded = Collections.synchronizedList(new ArrayList<>());
        List<Integer> foldIndexes = Collections.synchronizedList(new ArrayList<>());
        ReadStats stats = new ReadStats();
        ParallelRead<Part> read = new ParallelRead<>(6, 3, (index, p) -> {
            foldIndexes.add(index);
            if (p.reporter() != null) {
                folded.add(p.reporter().index());
            }
            stats.add(p.stats());
        });

        read.run((i, reader) -> {
            if (i == 0) {
                await(laterDone); // input 0 finishes only after inputs 1 and 2
            } else if (i <= 2) {
                laterDone.countDown();
            }
            ReadStats s = new ReadStats();
            s.countInput(true);
            return new ParallelRead.Part<>(i == 0 ? null : new Part(i), s);
        });

        assertThat(foldIndexes).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(folded).containsExactly(1, 2, 3, 4, 5);
        assertThat(stats.inputs()).isEqualTo(6);
    }

    @Test
    void failureOfOneInputReachesTheCaller() {
        ParallelRead<Part> read = new ParallelRead<>(8, 2, (index, p) -> { });

        assertThatThrownBy(() -> read.run((i, reader) -> {
            if (i == 3) {
                throw new IllegalStateException("boom at 3");
            }
            return new ParallelRead.Part<Part>(null, new ReadStats());
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom at 3");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("later inputs were read meanwhile").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
