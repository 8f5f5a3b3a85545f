package io.nsgflow.report;

import static io.nsgflow.report.TestRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.model.FlowRow;
import io.nsgflow.model.IpAddress;
import org.junit.jupiter.api.Test;

class FlowIdentityTest {
    private final FlowIdentity identity = new FlowIdentity();

    @Test
    void everyVersion1TupleAndEveryBeginIsAFlow() {
        assertThat(identity.countsNow(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,"))).isTrue();
        assertThat(identity.countsNow(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,"))).isTrue();
        assertThat(identity.countsNow(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,B,,,,"))).isTrue();
        assertThat(identity.drainPending()).isEmpty();
    }

    @Test
    void continuationsOfABegunConnectionAreNotFlowsAndTheEndForgetsIt() {
        identity.countsNow(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,B,,,,"));
        assertThat(identity.countsNow(row("160,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"))).isFalse();
        assertThat(identity.openCount()).isEqualTo(1);
        assertThat(identity.countsNow(row("220,10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"))).isFalse();
        assertThat(identity.openCount()).isZero();
        assertThat(identity.drainPending()).isEmpty();
    }

    @Test
    void aConnectionBegunBeforeTheInputCountsOnceByItsFirstTuple() {
        FlowRow first = row("160,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20");
        assertThat(identity.countsNow(first)).isFalse();
        assertThat(identity.countsNow(row("220,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"))).isFalse();
        assertThat(identity.countsNow(row("280,10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"))).isFalse();
        // a second orphan of the same key can never continue an earlier slice's connection: it counts at once
        assertThat(identity.countsNow(row("300,10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"))).isTrue();
        assertThat(identity.drainPending()).extracting(FlowRow::timeMillis).containsExactly(160_000L);
    }

    @Test
    void theSameFiveTupleOnAnotherInterfaceIsAnotherConnection() {
        identity.countsNow(row("AAAAAAAAAAAA", "r", "100,10.0.0.1,10.0.0.2,1000,443,T,O,A,B,,,,"));
        identity.countsNow(row("BBBBBBBBBBBB", "r", "160,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"));
        assertThat(identity.drainPending()).hasSize(1);
    }

    @Test
    void denialsAreFlowsThatAreNotHeldOpen() {
        assertThat(identity.countsNow(row("100,203.0.113.9,10.0.0.4,5555,22,T,I,D,B,,,,"))).isTrue();
        assertThat(identity.countsNow(row("100,203.0.113.9,10.0.0.4,5555,22,T,I,D,D,0,0,0,0"))).isTrue();
        assertThat(identity.openCount()).isZero();
    }

    @Test
    void mergingDropsTheLaterSlicesOrphanOfAConnectionBegunInTheEarlierOne() {
        FlowIdentity later = new FlowIdentity();
        identity.countsNow(row("100,10.0.0.1,10.0.0.2,1000,443,T,O,A,B,,,,"));
        later.countsNow(row("160,10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"));
        assertThat(later.countsNow(row("170,10.0.0.1,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"))).isTrue();
        later.countsNow(row("170,10.0.0.3,10.0.0.2,1000,443,T,O,A,C,1,10,1,20"));
        identity.merge(later);
        assertThat(identity.drainPending()).extracting(r -> IpAddress.toString(r.srcHi(), r.srcLo())).containsExactly("10.0.0.3");
        assertThat(identity.openCount()).isEqualTo(2);
    }

    @Test
    void repeatedOrphansOfOneKeyHoldOnePendingRowNotOnePerTuple() {
        for (int i = 0; i < 1000; i++) {
            identity.countsNow(row((100 + i) + ",10.0.0.1,10.0.0.2,1000,443,T,O,A,E,1,10,1,20"));
        }
        assertThat(identity.drainPending()).hasSize(1);
    }
}
