package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.cli.ExitCode;
import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: {@code flows} written on a thread of its own ({@link WriterThread}, at two threads or
 * more) shows what one thread shows, byte for byte: stdout, stderr and the exit code, and how the
 * two interleave. Each run is made twice: to a terminal, where every row is flushed as it is
 * written, with stdout and stderr into one writer, so that a diagnostic line printed before the
 * rows that precede it in the input would show; and to a pipe, stdout and stderr apart. Over
 * random damaged blobs, the hostile corpus, {@code --strict}, and output that fails.
 */
class FlowsWrittenAsideTest {
    private static final List<String> COMMANDS = List.of("flows -f ndjson", "flows -f csv --fields time,srcIp,dstIp,dstPort,rule",
            "flows -f json --limit 7", "flows -f tsv --action deny", "flows --strict -f ndjson");

    @TempDir
    Path dir;

    @Property(tries = 30)
    void aBlobWrittenAsideReadsAsOnOneThread(@ForAll long seed) throws IOException {
        Path file = Files.createTempFile("nsgflow-aside", "-PT1H.json");
        try {
            Files.write(file, SplitReadPropertiesTest.blob(new Random(seed)));
            for (String command : COMMANDS) {
                assertSameAtTwoThreads(command, file);
            }
        } finally {
            Files.delete(file);
        }
    }

    static Stream<Path> hostileFiles() throws IOException {
        return SplitReadTest.hostileFiles();
    }

    @ParameterizedTest
    @MethodSource("hostileFiles")
    void hostileFilesWrittenAsideSayTheSameInTheSameOrder(Path file) {
        assertSameAtTwoThreads("flows -f ndjson", file);
        assertSameAtTwoThreads("flows --strict -f csv", file);
    }

    /**
     * The output fails at its first write, after the reading thread has run ahead (the write waits
     * first): one thread stopped reading at the failure, so the problem in a later record is never
     * told; the reading thread must not tell it either.
     */
    @Test
    void aFailedWriteStopsReadingBeforeTheProblemsAfterIt() throws IOException {
        Path file = dir.resolve("late-problem-PT1H.json");
        Files.writeString(file, blob(40, 20, 30));
        for (int threads : new int[] {1, 2}) {
            StringWriter err = new StringWriter();
            int exit = Main.run(new Terminal(new FailingWriter(), err, new ByteArrayInputStream(new byte[0]), false),
                    "flows", "-f", "ndjson", "--threads", Integer.toString(threads), file.toString());
            assertThat(exit).as("threads %d", threads).isEqualTo(ExitCode.OUTPUT_FAILED);
            assertThat(err.toString()).as("threads %d", threads).isEqualTo("nsgflow: cannot write output: disk full" + System.lineSeparator());
        }
    }

    /** The same blob's problem, when the output takes it all: told after the rows before it, in both modes. */
    @Test
    void aLateProblemIsToldAfterTheRowsBeforeIt() throws IOException {
        Path file = dir.resolve("late-problem-PT1H.json");
        Files.writeString(file, blob(40, 20, 30));
        Result one = run("flows -f ndjson", file, 1, true);
        int told = one.out().indexOf("nsgflow: ");
        assertThat(told).as("the problem is told after the last row of the record before it, before the next row")
                .isGreaterThan(one.out().indexOf("\"srcPort\":32919")).isLessThan(one.out().indexOf("\"srcPort\":33001"));
        assertSameAtTwoThreads("flows -f ndjson", file);
    }

    private static void assertSameAtTwoThreads(String command, Path file) {
        for (boolean terminal : new boolean[] {true, false}) {
            Result one = run(command, file, 1, terminal);
            Result two = run(command, file, 2, terminal);
            String as = command + " of " + file + (terminal ? " to a terminal" : " to a pipe");
            assertThat(two.err()).as(as).isEqualTo(one.err());
            assertThat(two.out()).as(as).isEqualTo(one.out());
            assertThat(two.exit()).as(as).isEqualTo(one.exit());
        }
    }

    private record Result(int exit, String out, String err) {
    }

    /** To a terminal: stdout and stderr into one writer, as a user's screen gets them. */
    private static Result run(String command, Path file, int threads, boolean terminal) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--threads", Integer.toString(threads), file.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = terminal ? out : new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), terminal), args.toArray(new String[0]));
        return new Result(exit, out.toString(), terminal ? "" : err.toString());
    }

    /** {@code records} records of {@code tuples} tuples each; record {@code broken}'s first tuple cannot be read. */
    private static String blob(int records, int tuples, int broken) {
        StringBuilder sb = new StringBuilder("{\"records\":[");
        for (int r = 0; r < records; r++) {
            sb.append(r == 0 ? "" : ",").append("{\"time\":\"2024-05-14T09:").append(10 + r)
                    .append(":00Z\",\"category\":\"NetworkSecurityGroupFlowEvent\",\"properties\":{\"Version\":2,\"flows\":[")
                    .append("{\"rule\":\"r\",\"flows\":[{\"mac\":\"000D3A000001\",\"flowTuples\":[");
            for (int t = 0; t < tuples; t++) {
                sb.append(t == 0 ? "\"" : ",\"");
                if (r == broken && t == 0) {
                    sb.append("1715677210,10.0.0.1,13.67.143.118,44931");
                } else {
                    sb.append(1715677210 + r * 60 + t).append(",10.0.").append(r).append('.').append(t + 1)
                            .append(",13.67.143.118,").append(30000 + r * 100 + t).append(",443,T,O,A,C,1,100,2,200");
                }
                sb.append('"');
            }
            sb.append("]}]}]}}");
        }
        return sb.append("]}").toString();
    }

    /** Output that cannot be written: its first write waits a little, so that reading runs ahead, then fails. */
    private static final class FailingWriter extends Writer {
        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("disk full");
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
