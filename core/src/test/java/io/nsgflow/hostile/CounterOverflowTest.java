package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18 #10: counters near 2^63 summed to negative traffic with exit 0. A single absurd
 * counter is refused with its tuple (NsgTupleDecoderTest); here every counter is the largest one
 * accepted, 2^48 - 1, in the direction every sum counts (scans sum the packets that came back),
 * and two blobs of 16,400 such tuples of one connection within 17 seconds (so that a conversation
 * and a timeline bucket sum them too) carry more than a long holds. Each
 * blob alone sums exactly; both together, whether summed in one thread or merged from two, stop
 * with one clear line and no number at all, never a wrapped one.
 */
class CounterOverflowTest {
    private static final long MAX_COUNTER = (1L << 48) - 1;
    private static final int TUPLES = 16_400;

    @TempDir
    Path dir;

    private Path blob(String name) throws IOException {
        StringJoiner tuples = new StringJoiner(",");
        for (int i = 0; i < TUPLES; i++) {
            long back = MAX_COUNTER - i % 1000; // tuples that differ, so that none is a repeat that counts once
            tuples.add("\"" + (1715677210 + i / 1000) + ",10.0.0.4,13.67.143.118,50000,443,T,O,A,C,0,0," + back + "," + back + "\"");
        }
        String record = "{\"time\":\"2024-05-14T09:00:10Z\",\"category\":\"NetworkSecurityGroupFlowEvent\","
                + "\"resourceId\":\"/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG1\","
                + "\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"UserRule_Big\",\"flows\":[{\"mac\":\"000D3AF87856\","
                + "\"flowTuples\":[" + tuples + "]}]}]}}";
        return Files.writeString(dir.resolve(name), "{\"records\":[" + record + "]}");
    }

    @ParameterizedTest
    @CsvSource({"summary,1", "summary,2", "top --by src --metric bytes,1", "top --by dstport --metric bytes,2", "rules,1",
        "rules,2", "timeline,1", "timeline,2", "conversations,1", "scans,1", "scans,2"})
    void sumsPastALongStopWithOneLineNeverAWrappedNumber(String command, int threads) throws IOException {
        Path a = blob("a.json");
        Path b = blob("b.json");

        Cli.Result one = run(command, threads, a);
        assertThat(one.exit()).as("one blob sums exactly; stderr: %s", one.err()).isZero();
        assertThat(one.out()).doesNotContainPattern(":-\\d");

        Cli.Result both = run(command, threads, a, b);
        assertThat(both.exit()).as(both.err()).isEqualTo(1);
        assertThat(both.errLines()).containsExactly("nsgflow: packets or bytes summed past 9223372036854775807: counters this"
                + " large are not real traffic; no answer written (narrow the input with filters to find the tuples)");
        assertThat(both.out()).isEmpty();
    }

    private static Cli.Result run(String command, int threads, Path... inputs) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("-f", "ndjson", "--threads", String.valueOf(threads)));
        for (Path p : inputs) {
            args.add(p.toString());
        }
        return Cli.run(new byte[0], args.toArray(String[]::new));
    }
}
