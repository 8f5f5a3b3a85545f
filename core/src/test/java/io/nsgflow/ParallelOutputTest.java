package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.bench.FlowLogGenerator;
import io.nsgflow.bench.FlowLogGenerator.Version;
import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading on several threads changes nothing the user sees: for every command and format, the
 * output is byte for byte the one-thread output and the exit code is the same, over generated
 * folders of every version (connections running across blobs), the shipped samples (and the real
 * logs of ../shared/samples when present), and broken inputs in the mix. Stderr has the same lines; only their order may differ.
 */
class ParallelOutputTest {
    @TempDir
    static Path dir;
    static List<String> inputs;

    @BeforeAll
    static void writeInputs() throws IOException {
        FlowLogGenerator.writeFolder(dir.resolve("v2"), Version.V2, 11, 12, 900_000);
        FlowLogGenerator.writeFolder(dir.resolve("v1"), Version.V1, 12, 3, 150_000);
        FlowLogGenerator.writeFolder(dir.resolve("vnet"), Version.VNET, 13, 5, 300_000);
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        byte[] blob = Files.readAllBytes(FlowLogGenerator.writeFolder(dir.resolve("whole"), Version.V2, 14, 1, 100_000)
                .blobs().get(0));
        Files.write(broken.resolve("cut-PT1H.json"), Arrays.copyOf(blob, blob.length / 2));
        Files.writeString(broken.resolve("not-json.json"), "hello");
        Files.writeString(broken.resolve("bad-tuple.json"), "{\"records\":[{\"time\":\"2024-05-14T09:00:00Z\","
                + "\"category\":\"NetworkSecurityGroupFlowEvent\",\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"r\","
                + "\"flows\":[{\"mac\":\"000D3A000001\",\"flowTuples\":[\"1,2,3\"]}]}]}}]}");
        List<String> all = new ArrayList<>(List.of(dir.resolve("v2").toString(), dir.resolve("v1").toString(),
                dir.resolve("vnet").toString(), broken.toString(), "samples", dir.resolve("missing").toString()));
        if (Files.isDirectory(SharedSamples.DIR)) {
            all.add(SharedSamples.DIR.toString()); // the real logs too, where this checkout has them beside it
        }
        inputs = List.copyOf(all);
    }

    static Stream<String> commands() {
        return Stream.of("summary", "summary -f json", "top --by src --metric bytes", "top --by pair --limit 0 -f csv",
                "top --by dstport -f ndjson", "top --by rule --metric denied", "rules", "rules -f tsv",
                "timeline", "timeline --every 5m -f csv", "conversations -f ndjson", "flows -f ndjson",
                "summary --action deny --direction in", "top --by src --src 10.0.0.0/8 -f tsv");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void manyThreadsWriteWhatOneThreadWrites(String command) {
        Result one = run(command, 1);
        Result many = run(command, 4);

        assertThat(one.out()).isNotEmpty();
        assertThat(one.exit()).isEqualTo(1); // the broken inputs were skipped
        assertThat(many.out()).isEqualTo(one.out());
        assertThat(many.exit()).isEqualTo(one.exit());
        assertThat(many.err().lines().sorted().toList()).isEqualTo(one.err().lines().sorted().toList());
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String command, int threads) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--threads", Integer.toString(threads)));
        args.addAll(inputs);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), args.toArray(new String[0]));
        return new Result(exit, out.toString(), err.toString());
    }
}
