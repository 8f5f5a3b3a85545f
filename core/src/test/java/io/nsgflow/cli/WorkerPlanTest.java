package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nsgflow.Main;
import io.nsgflow.Pipeline;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.hostile.GeneratedLog;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.ReportSpec;
import io.nsgflow.report.Reporter;
import io.nsgflow.source.Input;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam the Spark runner reads through, tested without Spark: a {@link DistributedRead} that
 * makes each input's partial from the command line ({@link NsgflowCommand#plan}), sends it
 * through Java serialization as a Spark task's result travels, and merges it in input order,
 * gives the CLI's output, whatever the answer is grouped by.
 */
class WorkerPlanTest {
    private static final String SPILL = "nsgflow.record.spillChars";
    private static final List<String> COMMANDS = List.of("summary -f json", "rules -f ndjson", "timeline --every 5m -f csv",
            "top --by src", "top --by dst", "top --by pair", "top --by dstport", "top --by srcport", "top --by rule",
            "top --by nsg", "top --by mac", "top --by protocol", "top --by src-class --metric bytes",
            "summary --enrich --action allow");

    /** Each input read apart, its partial serialized and read back, merged in order. */
    private static final class SerializingRead implements DistributedRead {
        private final String[] args;

        SerializingRead(String[] args) {
            this.args = args;
        }

        @Override
        public String where() {
            return "test";
        }

        @Override
        public ReadStats read(List<String> paths, ReportSpec<?> spec, Diagnostics diagnostics) {
            return readEach(paths, spec, diagnostics);
        }

        @SuppressWarnings("unchecked")
        private <R extends Reporter> ReadStats readEach(List<String> paths, ReportSpec<R> spec, Diagnostics diagnostics) {
            ReadStats stats = new ReadStats();
            WorkerPlan plan = NsgflowCommand.plan(args);
            Pipeline pipeline = new Pipeline(plan.filter(), diagnostics, InputStream.nullInputStream());
            for (Input input : pipeline.inputs(paths)) {
                Reporter partial = plan.spec().partial();
                stats.add(pipeline.readInto(List.of(input), partial));
                spec.mergeIntoWhole((R) roundTrip(partial));
            }
            return stats;
        }
    }

    @Test
    void partialsSentThroughSerializationGiveTheCliAnswer() {
        for (String command : COMMANDS) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("samples/");
            String[] line = args.toArray(String[]::new);
            String expected = run(null, line);
            assertThat(expected).as(command).startsWith("0\n").hasSizeGreaterThan(200);
            assertThat(run(new SerializingRead(line), line)).as(command).isEqualTo(expected);
        }
    }

    /** A record too large to hold, its tuples spilled to a file, reads through the seam as the CLI reads it held in memory. */
    @Test
    void aSpilledRecordGivesTheCliAnswerHeldInMemory(@TempDir Path dir) throws IOException {
        Path blob = GeneratedLog.connections(dir.resolve("PT1H.json"), 20, 30_000, 5);
        for (String command : List.of("summary -f json", "top --by src", "rules -f ndjson")) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add(blob.toString());
            String[] line = args.toArray(String[]::new);
            System.setProperty(SPILL, Integer.toString(Integer.MAX_VALUE));
            String expected;
            try {
                expected = run(null, line);
            } finally {
                System.clearProperty(SPILL);
            }
            System.setProperty(SPILL, "10000");
            try {
                assertThat(run(new SerializingRead(line), line)).as(command).isEqualTo(expected).startsWith("0\n");
            } finally {
                System.clearProperty(SPILL);
            }
        }
    }

    @Test
    void whatCannotBeReadElsewhereIsAUsageError() {
        String[] flows = {"flows", "samples/"};
        assertThat(run(new SerializingRead(flows), flows))
                .startsWith("2\nnsgflow: 'flows' is written in input order as it reads, so it does not run on test");
    }

    @Test
    void aCommandLineWithoutAReportIsRefused() {
        assertThatThrownBy(() -> NsgflowCommand.plan("checkpoint", "show", "x.json")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Exit code, stdout and stderr of one run. */
    private static String run(DistributedRead elsewhere, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, InputStream.nullInputStream(), false), elsewhere, args);
        return exit + "\n" + err + out;
    }

    private static Object roundTrip(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
