package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.model.IpAddress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlowKeyLogTest {
    /** Random keys of both families (an IPv4-mapped IPv6 address among them, kept apart from its IPv4 one), with ports of every sign. */
    private static List<List<Long>> keys(int n) {
        Random random = new Random(16);
        List<List<Long>> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int v4 = random.nextInt();
            long[] src = switch (random.nextInt(6)) {
                case 0 -> new long[] {0x20010db8L << 32, random.nextLong()};
                case 1 -> new long[] {IpAddress.MAPPED_HI, IpAddress.v4Lo(v4)};
                default -> new long[] {IpAddress.V4_HI, IpAddress.v4Lo(v4)};
            };
            keys.add(List.of(src[0], src[1], IpAddress.V4_HI, IpAddress.v4Lo(random.nextInt()), random.nextLong() >>> 7,
                    (long) random.nextInt()));
        }
        return keys;
    }

    private static FlowKeyLog logOf(List<List<Long>> keys) {
        return appended(new FlowKeyLog(), keys);
    }

    private static FlowKeyLog appended(FlowKeyLog log, List<List<Long>> keys) {
        for (List<Long> k : keys) {
            log.append(k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), (int) (long) k.get(5));
        }
        return log;
    }

    /** The log serialised and read back, as a Spark partial travels to the driver. */
    private static FlowKeyLog roundTrip(FlowKeyLog log) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(log);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (FlowKeyLog) in.readObject();
        }
    }

    private static List<List<Long>> read(FlowKeyLog log, long end) {
        List<List<Long>> out = new ArrayList<>();
        log.forEach(end, (i, srcHi, srcLo, dstHi, dstLo, macProtocol, ports) -> {
            assertThat(i).isEqualTo(out.size());
            out.add(List.of(srcHi, srcLo, dstHi, dstLo, macProtocol, (long) ports));
        });
        return out;
    }

    @Test
    void givesBackEveryKeyInOrderWithItsIndex() {
        List<List<Long>> keys = keys(1000);
        FlowKeyLog log = logOf(keys);
        assertThat(log.size()).isEqualTo(1000);
        assertThat(read(log, Long.MAX_VALUE)).isEqualTo(keys);
        assertThat(read(log, 10)).isEqualTo(keys.subList(0, 10));
    }

    /** Past the heap's share the keys go to a file: the heap holds at most that share, and every key still comes back in order. */
    @Test
    void aLongLogSpillsToAFileAndReadsBackTheSame() {
        List<List<Long>> keys = keys(FlowKeyLog.HEAP_LONGS); // at least three longs a key: three times the heap's share
        FlowKeyLog log = logOf(keys);
        assertThat(log.keysInHeap()).isLessThanOrEqualTo(FlowKeyLog.HEAP_LONGS / 3);
        assertThat(read(log, Long.MAX_VALUE)).isEqualTo(keys);
        assertThat(read(log, Long.MAX_VALUE)).as("read twice").isEqualTo(keys);
    }

    @Test
    void appendAllPutsTheLaterLogAfterThisOne() {
        List<List<Long>> keys = keys(FlowKeyLog.HEAP_LONGS / 2);
        int cut = keys.size() / 3;
        FlowKeyLog first = logOf(keys.subList(0, cut));
        first.appendAll(logOf(keys.subList(cut, keys.size())));
        assertThat(read(first, Long.MAX_VALUE)).isEqualTo(keys);
    }

    /** A Spark partial carries its log to the driver, the part in the file too. */
    @Test
    void aSerialisedLogCarriesItsKeysFromTheFileAndTheHeap() throws IOException, ClassNotFoundException {
        List<List<Long>> keys = keys(FlowKeyLog.HEAP_LONGS / 2);
        FlowKeyLog copy = roundTrip(logOf(keys));
        assertThat(copy.size()).isEqualTo(keys.size());
        assertThat(read(copy, Long.MAX_VALUE)).isEqualTo(keys);
    }

    @Test
    void clearedItIsEmpty() {
        FlowKeyLog log = logOf(keys(FlowKeyLog.HEAP_LONGS / 2));
        log.clear();
        assertThat(log.size()).isZero();
        assertThat(read(log, Long.MAX_VALUE)).isEmpty();
    }

    /** A log that was cleared or read back takes new keys after what it holds, the first chunk made again. */
    @Test
    void aClearedOrReadBackLogTakesNewKeys() throws IOException, ClassNotFoundException {
        List<List<Long>> keys = keys(3000);
        FlowKeyLog cleared = logOf(keys.subList(0, 1000));
        cleared.clear();
        assertThat(read(appended(cleared, keys), Long.MAX_VALUE)).isEqualTo(keys);

        for (int held : new int[] {0, 1000}) {
            FlowKeyLog copy = roundTrip(logOf(keys.subList(0, held)));
            assertThat(read(appended(copy, keys.subList(held, keys.size())), Long.MAX_VALUE)).isEqualTo(keys);
        }
    }
}
