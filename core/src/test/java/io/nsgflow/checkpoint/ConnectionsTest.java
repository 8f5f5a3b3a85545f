package io.nsgflow.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bound on connections carried from run to run. */
class ConnectionsTest {
    private static long[] keys(long... ids) {
        long[] k = new long[ids.length * Checkpoint.Connections.WIDTH];
        for (int i = 0; i < ids.length; i++) {
            k[i * Checkpoint.Connections.WIDTH] = ids[i];
        }
        return k;
    }

    @Test
    void stillOpenConnectionsKeepTheirPlaceAndNewOnesFollow() {
        Checkpoint.Connections carried = new Checkpoint.Connections(keys(1, 2, 3), 0, new long[0]);
        Checkpoint.Connections next = carried.next(keys(5, 3, 1, 4), new long[0], 10);
        assertThat(next.keys()).isEqualTo(keys(1, 3, 5, 4));
        assertThat(next.dropped()).isZero();
    }

    @Test
    void pastTheLimitThoseCarriedLongestAreDroppedAndCounted() {
        Checkpoint.Connections carried = new Checkpoint.Connections(keys(1, 2, 3), 7, new long[0]);
        Checkpoint.Connections next = carried.next(keys(4, 3, 2, 1, 5), new long[0], 3);
        assertThat(next.keys()).isEqualTo(keys(3, 4, 5));
        assertThat(next.dropped()).isEqualTo(9);
        assertThat(next.count()).isEqualTo(3);
    }
}
