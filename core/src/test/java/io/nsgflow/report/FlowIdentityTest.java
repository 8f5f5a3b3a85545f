package io.nsgflow.report;

import static io.nsgflow.report.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.model.FlowRow;
import io.nsgflow.model.IpAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowIdentityTest {
    private final FlowIdentity identity = new FlowIdentity(false);

    @Test
    void everyVersion1TupleAndEveryBeginIsAFlow() {
        assertThat(identity.countsNow(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,"))).isTrue();
        assertThat(identity.countsNow(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,"))).isTrue();
        assertThat(identity.countsNow(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,B,,,,"))).isTrue();
    }

    @Test
    void continuationsOfABegunConnectionAreNotFlowsAndTheEndForgetsIt() {
        identity.countsNow(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,B,,,,"));
        assertThat(identity.countsNow(row("160,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"))).isFalse();
        assertThat(identity.openCount()).isEqualTo(1);
        assertThat(identity.countsNow(row("220,10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"))).isFalse();
        assertThat(identity.openCount()).isZero();
    }

    @Test
    void aKeySeenOnlyAsContinuationsAndEndsIsOneFlowByItsFirstTuple() {
        assertThat(identity.countsNow(row("160,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"))).isTrue();
        assertThat(identity.countsNow(row("220,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"))).isFalse();
        assertThat(identity.countsNow(row("280,10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"))).isFalse();
        assertThat(identity.countsNow(row("300,10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"))).isFalse();
        assertThat(identity.countsNow(row("360,10.0.0.1,10.0.0.2,1000,443,T,O,A,E,2,10,1,20"))).isFalse();
    }

    @Test
    void threeEndsOfOneKeyAreOneFlow() {
        long flows = 0;
        for (int i = 0; i < 3; i++) {
            flows += identity.countsNow(row((100 + i) + ",10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20")) ? 1 : 0;
        }
        assertThat(flows).isEqualTo(1);
    }

    @Test
    void theSameFiveTupleOnAnotherInterfaceIsAnotherConnection() {
        identity.countsNow(row("AAAAAAAAAAAA", "r", "100,10.0.0.1,10.0.0.2,1000,443,T,O,A,B,,,,"));
        assertThat(identity.countsNow(row("BBBBBBBBBBBB", "r", "160,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"))).isTrue();
    }

    @Test
    void denialsAreFlowsThatAreNotHeldOpen() {
        assertThat(identity.countsNow(row("100,203.0.113.9,10.0.0.4,5555,22,T,I,D,B,,,,"))).isTrue();
        assertThat(identity.countsNow(row("100,203.0.113.9,10.0.0.4,5555,22,T,I,D,D,0,0,0,0"))).isTrue();
        assertThat(identity.openCount()).isZero();
    }

    @Test
    void aPartialHoldsItsOrphansAndTheMergeSettlesThemAgainstWhatCameBefore() {
        FlowIdentity later = new FlowIdentity(true);
        identity.countsNow(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,B,,,,"));
        // continues the connection begun before: no flow; the C after the E is an orphan, the key's first
        assertThat(later.countsNow(row("160,10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"))).isFalse();
        assertThat(later.countsNow(row("170,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"))).isFalse();
        assertThat(later.countsNow(row("170,10.0.0.3,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"))).isFalse();
        List<FlowRow> settled = identity.merge(later);
        assertThat(settled).extracting(r -> IpAddress.toString(r.srcHi(), r.srcLo()) + "@" + r.timeMillis())
                .containsExactly("10.0.0.1@170000", "10.0.0.3@170000");
        assertThat(identity.openCount()).isEqualTo(2);
    }

    /** Issue 18: B in one input, then B, E, C in the next: three flows, however the inputs are read. */
    @Test
    void aBeginThenBeginEndContinueAcrossTwoInputsIsThreeFlowsWholeOrMerged() {
        List<FlowRow> first = List.of(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,B,,,,"));
        List<FlowRow> second = List.of(row("200,10.0.0.1,10.0.0.2,1000,443,T,O,A,B,,,,"),
                row("260,10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"),
                row("320,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"));
        assertThat(flowsReadWholeAndMerged(first, second, new FlowIdentity(false), new FlowIdentity(false))).containsExactly(3L, 3L);
    }

    /**
     * The flows of {@code first} then {@code second} read by {@code whole} in one pass, and read by
     * {@code start} and a partial merged into it: {sequential, merged}.
     */
    private static long[] flowsReadWholeAndMerged(List<FlowRow> first, List<FlowRow> second, FlowIdentity whole,
            FlowIdentity start) {
        long sequential = first.stream().filter(whole::countsNow).count() + second.stream().filter(whole::countsNow).count();
        FlowIdentity part = new FlowIdentity(true);
        long merged = first.stream().filter(start::countsNow).count() + second.stream().filter(part::countsNow).count();
        merged += start.merge(part).size();
        return new long[] {sequential, merged};
    }

    @Test
    void repeatedOrphansOfOneKeyHoldOneRowNotOnePerTuple() {
        FlowIdentity part = new FlowIdentity(true);
        for (int i = 0; i < 1000; i++) {
            part.countsNow(row((100 + i) + ",10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"));
        }
        assertThat(identity.merge(part)).hasSize(1);
    }

    /**
     * A partial whose log of ends outgrows the heap's share (and goes to a file) settles its orphans
     * as one pass does: keys begun before it end and come back (an inner orphan each), keys not
     * begun end twice (a leading orphan each, the second end no flow).
     */
    @Test
    void aPartialWithMoreEndsThanTheHeapHoldsMergesAsOnePass() {
        int keys = FlowKeyLog.HEAP_LONGS / 3 + 10_000;
        List<FlowRow> first = new ArrayList<>();
        List<FlowRow> second = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            String pair = "10.0." + (i >> 8) + "." + (i & 0xFF) + ",10.1.0.1," + (1024 + i % 50_000) + ",443,T,O,A,";
            if (i % 2 == 0) {
                first.add(row("100," + pair + "B,,,,"));
            }
            second.add(row("200," + pair + "E,1,10,1,20"));
            second.add(row("260," + pair + (i % 2 == 0 ? "C" : "E") + ",1,10,1,20"));
        }
        FlowIdentity whole = new FlowIdentity(false);
        FlowIdentity start = new FlowIdentity(false);
        assertThat(flowsReadWholeAndMerged(first, second, whole, start)).containsExactly(keys / 2 + keys, keys / 2 + keys);
        assertThat(start.openCount()).isEqualTo(whole.openCount()).isEqualTo(keys / 2);
    }
}
