package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.model.IpAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FlowKeySetTest {
    /** Random adds and removes of the keys {@code key} makes, checked against a HashSet at each step; the set they leave. */
    private static FlowKeySet againstAHashSet(Random random, Set<List<Long>> model, Function<Random, long[]> key) {
        FlowKeySet set = new FlowKeySet();
        for (int i = 0; i < 200_000; i++) {
            long[] k = key.apply(random);
            List<Long> asList = List.of(k[0], k[1], k[2], k[3], k[4], k[5]);
            if (random.nextInt(3) == 0) {
                assertThat(set.remove(k[0], k[1], k[2], k[3], k[4], k[5])).isEqualTo(model.remove(asList));
            } else {
                assertThat(set.add(k[0], k[1], k[2], k[3], k[4], k[5])).isEqualTo(model.add(asList));
            }
            assertThat(set.size()).isEqualTo(model.size());
        }
        return set;
    }

    /** Random adds and removes over few distinct keys (long probe runs, many deletions) agree with a HashSet. */
    @Test
    void behavesAsASetThroughGrowthAndDeletions() {
        Set<List<Long>> model = new HashSet<>();
        FlowKeySet set = againstAHashSet(new Random(3), model, random -> new long[] {random.nextInt(4), random.nextInt(50),
            random.nextInt(3), random.nextInt(40), random.nextInt(2), random.nextInt(30)});
        for (List<Long> key : model) {
            assertThat(set.add(key.get(0), key.get(1), key.get(2), key.get(3), key.get(4), key.get(5))).isFalse();
        }
        FlowKeySet copy = new FlowKeySet();
        copy.addAll(set);
        assertThat(copy.size()).isEqualTo(model.size());
    }

    /** An address of a few: IPv4 mostly, IPv6, and an IPv4-mapped IPv6 one, which must stay apart from its IPv4 address. */
    private static long[] address(Random random) {
        int v4 = random.nextInt(6);
        return switch (random.nextInt(5)) {
            case 0 -> new long[] {0x20010db8L << 32, v4};
            case 1 -> new long[] {IpAddress.MAPPED_HI, IpAddress.v4Lo(v4)};
            default -> new long[] {IpAddress.V4_HI, IpAddress.v4Lo(v4 | (v4 == 5 ? 0xFF000000 : 0))}; // 255.0.0.5: the sign bit
        };
    }

    /** Keys of both families, in their two tables, agree with a HashSet, and go through a checkpoint's array unchanged. */
    @Test
    void ipv4AndIpv6KeysTogetherBehaveAsOneExactSet() {
        Set<List<Long>> model = new HashSet<>();
        FlowKeySet set = againstAHashSet(new Random(18), model, random -> {
            long[] src = address(random);
            long[] dst = address(random);
            return new long[] {src[0], src[1], dst[0], dst[1], random.nextInt(2), random.nextInt(20) | (long) random.nextInt(2) << 63};
        });
        long[] packed = set.toArray();
        Set<List<Long>> carried = new HashSet<>();
        for (int o = 0; o < packed.length; o += FlowKeySet.WIDTH) {
            carried.add(List.of(packed[o], packed[o + 1], packed[o + 2], packed[o + 3], packed[o + 4], packed[o + 5]));
        }
        assertThat(carried).isEqualTo(model);
        FlowKeySet copy = new FlowKeySet();
        copy.addAll(packed);
        copy.removeAll(set);
        assertThat(copy.size()).isZero();
    }

    /** What halves an open connection's heap: a key between two IPv4 addresses takes three longs a slot, not six. */
    @Test
    void ipv4KeysAreHeldInHalfTheLongsOfIpv6Ones() throws IOException {
        FlowKeySet v4 = new FlowKeySet();
        FlowKeySet v6 = new FlowKeySet();
        for (int i = 0; i < 6_000; i++) { // 16,384 slots: no more than half used
            v4.add(IpAddress.V4_HI, IpAddress.v4Lo(i), IpAddress.V4_HI, IpAddress.v4Lo(7), 1, i);
            v6.add(0x20010db8L << 32, i, 0x20010db8L << 32, 7, 1, i);
        }
        // the slots' arrays are most of the serialised form, as of the heap: 16,384 slots of 3 or 6 longs
        assertThat(serialisedSize(v4)).isBetween(16_384 * 3 * 8L, 16_384 * 4 * 8L);
        assertThat(serialisedSize(v6)).isBetween(16_384 * 6 * 8L, 16_384 * 7 * 8L);
    }

    private static long serialisedSize(FlowKeySet set) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(set);
        }
        return bytes.size();
    }
}
