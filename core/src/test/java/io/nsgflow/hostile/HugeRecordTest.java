package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import io.nsgflow.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One huge record is read in a heap far smaller than it (issue 18 item 2): its tuples spill to a
 * temporary file rather than being held. The real CLI in a child JVM with 32 MB of heap reads a
 * 24 MB record of 400,000 tuples and answers as a reader holding it in memory does; held whole,
 * as before, the same record runs out of that heap. Where a plain file is cut into byte ranges
 * read on several threads, a huge record lies within one range and reads the same.
 */
class HugeRecordTest {
    private static final String SPILL = "nsgflow.record.spillChars";
    private static final String NEVER = Integer.toString(Integer.MAX_VALUE);

    @TempDir
    static Path dir;

    private static Path blob(String name, int... recordTuples) throws IOException {
        return GeneratedLog.connections(dir.resolve(name), recordTuples);
    }

    private static Path huge;

    @BeforeAll
    static void writeHugeRecord() throws IOException {
        huge = blob("huge.json", 400_000);
    }

    @Test
    void aRecordOfTwentyFourMegabytesIsReadInThirtyTwoMegabytesOfHeap() throws Exception {
        Cli.Result held = held(() -> Cli.run(new byte[0], "summary", "-f", "json", huge.toString()));
        assertThat(held.exit()).isZero();

        Child spilled = child(huge, List.of());
        assertThat(spilled.exit()).as("stderr: %s", spilled.err()).isZero();
        assertThat(spilled.err()).isEmpty();
        assertThat(spilled.out()).isEqualTo(held.out()).contains("\"tuples\":400000");

        Child wholeAsBefore = child(huge, List.of("-D" + SPILL + "=" + NEVER));
        assertThat(wholeAsBefore.exit()).as("held whole, as before spilling: stderr %s", wholeAsBefore.err())
                .isEqualTo(ExitCode.OUT_OF_MEMORY);
    }

    @Test
    void aTemporaryDirectoryThatCannotBeWrittenIsOneLineAndTheRecordIsSkipped() throws Exception {
        Child r = child(huge, List.of("-Djava.io.tmpdir=" + dir.resolve("missing")));

        assertThat(r.exit()).isEqualTo(ExitCode.NOTHING_READ);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly("nsgflow: " + huge + ": byte 4416000: read failed: a record too large"
                + " to hold in memory cannot spill its tuples to a temporary file in " + dir.resolve("missing")
                + " (no such directory; set another with NSGFLOW_JAVA_OPTS=-Djava.io.tmpdir=DIR); rest of input skipped");
    }

    @Test
    void aHugeRecordInOneByteRangeOfASplitFileReadsAsInMemory() throws IOException {
        Path file = blob("split.json", 300, 40, 20_000, 10, 500, 7_000, 3);
        for (String command : List.of("summary -f json", "top --by src --limit 0 -f csv", "rules -f ndjson")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add(file.toString());
            List<String> one = new ArrayList<>(args);
            one.addAll(List.of("--threads", "1"));
            Cli.Result expected = held(() -> Cli.run(new byte[0], one.toArray(String[]::new)));
            args.addAll(List.of("--threads", "2"));
            System.setProperty(SPILL, "2000");
            System.setProperty("nsgflow.split.rangeBytes", "20000");
            try {
                assertThat(Cli.run(new byte[0], args.toArray(String[]::new))).as(command).isEqualTo(expected);
            } finally {
                System.clearProperty(SPILL);
                System.clearProperty("nsgflow.split.rangeBytes");
            }
        }
    }

    private static Cli.Result held(java.util.function.Supplier<Cli.Result> run) {
        System.setProperty(SPILL, NEVER);
        try {
            return run.get();
        } finally {
            System.clearProperty(SPILL);
        }
    }

    private record Child(int exit, String out, String err) {
    }

    /** {@code summary -f json} of {@code blob} by the real CLI in a child JVM with 32 MB of heap. */
    private static Child child(Path blob, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx32m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        command.addAll(options);
        command.addAll(List.of(Main.class.getName(), "summary", "-f", "json", blob.toString()));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
