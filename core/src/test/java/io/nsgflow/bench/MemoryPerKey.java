package io.nsgflow.bench;

import io.nsgflow.Main;
import io.nsgflow.cli.Terminal;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Measures the heap an answer holds per distinct key, for the README's memory figures: each kind
 * of key is read twice, with N and 2N distinct keys, by the real CLI in this JVM; the heap in use
 * (after a full collection) is taken when the answer starts to be written, so every key is held,
 * and the difference between the two runs, divided by N, is the cost of one key (fixed costs
 * cancel out). Run: {@code java -Xmx2g -cp core/target/test-classes:core/target/nsgflow.jar
 * io.nsgflow.bench.MemoryPerKey [N]}.
 */
public final class MemoryPerKey {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /**
     * A kind of key: the command that holds it, and the tuple {@code i} of a blob with one distinct key per tuple;
     * {@code most} keys at most (there are 65,536 ports).
     */
    private record Kind(String name, List<String> command, IntFunction<String> tuple, int most) {
        Kind(String name, List<String> command, IntFunction<String> tuple) {
            this(name, command, tuple, Integer.MAX_VALUE);
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("open connection (summary, same two addresses)", List.of("summary", "-f", "csv", "--table", "overview"),
                    i -> "1715677210,10.0.0.4,20.1.2.3," + (1024 + i % 60_000) + "," + (1 + i / 60_000) + ",T,O,A,B,,,,"),
            new Kind("distinct source address (top --by src, denied flows)", List.of("top", "--by", "src", "-f", "ndjson"),
                    i -> "1715677210," + address(10, i) + ",20.1.2.3,50000,443,T,I,D,B,,,,"),
            new Kind("distinct address pair (top --by pair, denied flows)", List.of("top", "--by", "pair", "-f", "ndjson"),
                    i -> "1715677210," + address(10, i) + "," + address(20, i) + ",50000,443,T,I,D,B,,,,"),
            new Kind("distinct source and destination (summary, denied flows)", List.of("summary", "-f", "csv", "--table", "overview"),
                    i -> "1715677210," + address(10, i) + "," + address(20, i) + ",50000,443,T,I,D,B,,,,"),
            new Kind("distinct (rule, source) (rules, denied flows)", List.of("rules", "-f", "ndjson"),
                    i -> "1715677210," + address(10, i) + ",20.1.2.3,50000,443,T,I,D,B,,,,"),
            new Kind("open conversation (conversations)", List.of("conversations", "-f", "ndjson"),
                    i -> "1715677210,10.0.0.4,20.1.2.3," + (1024 + i % 60_000) + "," + (1 + i / 60_000) + ",T,O,A,B,,,,"),
            new Kind("open IPv6 connection (summary, same two addresses)", List.of("summary", "-f", "csv", "--table", "overview"),
                    i -> "1715677210,2001:db8::4,2001:db8::5," + (1024 + i % 60_000) + "," + (1 + i / 60_000) + ",T,O,A,B,,,,"),
            new Kind("distinct destination port (top --by dstport, denied flows)", List.of("top", "--by", "dstport", "-f", "ndjson"),
                    i -> "1715677210,10.0.0.4,20.1.2.3,50000," + i + ",T,I,D,B,,,,", 30_000),
            new Kind("distinct target probed (scans, one source, denied flows)", List.of("scans", "-f", "ndjson"),
                    i -> "1715677210,203.0.113.9," + address(10, i) + ",50000,22,T,I,D,B,,,,"));

    private MemoryPerKey() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Files.createTempDirectory("nsgflow-memory");
        for (Kind kind : KINDS) {
            int keys = Math.min(n, kind.most());
            long small = heldAtOutput(kind, keys, dir);
            long large = heldAtOutput(kind, 2 * keys, dir);
            System.out.printf("%-58s %6.0f bytes per key (%,d keys: %,d bytes; %,d keys: %,d bytes)%n", kind.name(),
                    (large - small) / (double) keys, keys, small, 2 * keys, large);
        }
    }

    /** Heap in use when the answer begins to be written, less the heap in use before the run. */
    private static long heldAtOutput(Kind kind, int keys, Path dir) throws IOException {
        Path blob = dir.resolve("blob.json");
        write(blob, keys, kind.tuple());
        long before = usedAfterGc();
        long[] atOutput = {-1};
        Writer out = new Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                if (atOutput[0] < 0) {
                    atOutput[0] = usedAfterGc();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        List<String> args = new java.util.ArrayList<>(kind.command());
        args.add(blob.toString()); // one input: read on one thread
        int exit = Main.run(new Terminal(out, new StringWriter(), InputStream.nullInputStream(), false), args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException(kind.name() + ": exit " + exit);
        }
        return atOutput[0] - before;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** A distinct IPv4 address for each {@code i} below 2^24, in {@code first}.0.0.0/8. */
    public static String address(int first, int i) {
        return first + "." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    /** An NSG v2 blob of {@code tuples} tuples made by {@code tuple}: one record per 5,000 of them, one rule, one MAC. */
    public static void write(Path blob, int tuples, IntFunction<String> tuple) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(blob)) {
            w.write("{\"records\":[");
            for (int start = 0; start < tuples; start += 5000) {
                w.write(start == 0 ? "" : ",");
                w.write("{\"time\":\"2024-05-14T09:00:35Z\",\"macAddress\":\"000D3AF87856\",\"category\":"
                        + "\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/"
                        + "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG\",\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"R\","
                        + "\"flows\":[{\"mac\":\"000D3AF87856\",\"flowTuples\":[");
                for (int i = start; i < Math.min(tuples, start + 5000); i++) {
                    w.write((i == start ? "\"" : ",\"") + tuple.apply(i) + "\"");
                }
                w.write("]}]}]}}");
            }
            w.write("]}");
        }
    }
}
