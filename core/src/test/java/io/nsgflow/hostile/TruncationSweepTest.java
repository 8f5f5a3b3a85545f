package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.Pipeline;
import io.nsgflow.SharedSamples;
import io.nsgflow.cli.ExitCode;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.Reporter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A file cut at any byte gives exactly the tuples of the records complete before the cut, in
 * order, each once and whole: the output for a cut equals the first rows of the output for the
 * whole file, as many as those records hold.
 */
class TruncationSweepTest {
    private static final JsonFactory JSON = new JsonFactory();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void sampleCutAtEveryByte() throws IOException {
        assertEveryByteCut(Files.readAllBytes(Path.of("core/src/test/resources/logs/nsg-v2-first-3-records.json")));
    }

    @Test
    void realLogCutAtEveryByte() throws IOException {
        assertEveryByteCut(Files.readAllBytes(SharedSamples.file("elastic-integrations--nsg-testdata.json")));
    }

    private static void assertEveryByteCut(byte[] file) throws IOException {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int c = 0; c <= file.length; c++) {
            cuts.add(c);
        }
        assertThat(sweep(file, cuts)).isEqualTo(file.length + 1);
    }

    @Test
    void generatedBlobCutAtADenseSample() throws IOException {
        byte[] file = GeneratedLog.bytes(GeneratedLog.records(new Random(7), 70, 6), GeneratedLog.Shape.ENVELOPE);
        assertThat(sweep(file, denseCuts(file, 400))).isGreaterThan(400);
    }

    @Test
    void recordPerLineCutAtADenseSample() throws IOException {
        byte[] file = GeneratedLog.bytes(GeneratedLog.records(new Random(8), 30, 4), GeneratedLog.Shape.RECORD_PER_LINE);
        assertThat(sweep(file, denseCuts(file, 250))).isGreaterThan(250);
    }

    @Test
    void prettyPrintedCutAtADenseSample() throws IOException {
        byte[] file = GeneratedLog.bytes(GeneratedLog.records(new Random(9), 24, 4), GeneratedLog.Shape.PRETTY_ENVELOPE);
        assertThat(sweep(file, denseCuts(file, 300))).isGreaterThan(300);
    }

    /** A gzip blob cut short keeps the records complete in what can still be decompressed. */
    @Test
    void gzipCutAtSeveralOffsets() throws IOException {
        byte[] file = GeneratedLog.bytes(GeneratedLog.records(new Random(10), 400, 6), GeneratedLog.Shape.ENVELOPE);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(file);
        }
        byte[] gz = zipped.toByteArray();
        List<String> whole = Cli.run(file, "flows", "-f", "ndjson").outLines();
        long[] ends = recordEnds(file);
        int[] tupleCounts = tupleCounts(file);
        for (int i = 1; i <= 40; i++) {
            int cut = 10 + (int) ((long) (gz.length - 10) * i / 41);
            byte[] cutGz = Arrays.copyOf(gz, cut);
            int recoverable = recoverableLength(cutGz);
            Cli.Result r = Cli.run(cutGz, "flows", "-f", "ndjson");
            int complete = completeRecords(ends, recoverable);
            assertThat(r.outLines()).as("gzip cut at %d", cut).isEqualTo(whole.subList(0, rows(tupleCounts, complete)));
            assertThat(r.exit()).isEqualTo(complete > 0 ? 1 : 3);
            assertThat(r.err()).contains("compressed data ends early");
        }
    }

    /**
     * Runs every cut and checks it; returns how many cuts were run. Each cut is read in-process by
     * the pipeline the CLI runs (stdin input, reader, decoder, diagnostics), without the command
     * line and the NDJSON writer around it, which cost most of a run on small inputs; every
     * {@value #CLI_EVERY}th cut also runs through the whole CLI, so the rows as written are
     * checked too.
     */
    private static int sweep(byte[] file, TreeSet<Integer> cuts) throws IOException {
        Read whole = Read.of(file);
        List<String> wholeLines = Cli.run(file, "flows", "-f", "ndjson").outLines();
        long[] ends = recordEnds(file);
        int[] tupleCounts = tupleCounts(file);
        assertThat(rows(tupleCounts, ends.length)).isEqualTo(whole.rows().size()).isEqualTo(wholeLines.size());
        int lastBrace = lastIndexOf(file, (byte) '}');
        boolean perLine = !isEnvelope(file);
        int n = 0;
        long started = CPU.getCurrentThreadCpuTime();
        for (int cut : cuts) {
            byte[] bytes = Arrays.copyOf(file, cut);
            Read r = Read.of(bytes);
            int complete = completeRecords(ends, cut);
            int expectedRows = rows(tupleCounts, complete);
            assertThat(r.rows()).as("cut at %d", cut).isEqualTo(whole.rows().subList(0, expectedRows));
            boolean allThere = cut > lastBrace
                    || perLine && complete > 0 && isBlank(file, (int) ends[complete - 1], cut);
            int exit = allThere ? 0 : complete > 0 ? 1 : 3;
            assertThat(r.exit()).as("exit for cut at %d; stderr %s", cut, r.err()).isEqualTo(exit);
            Cli.assertWellBehaved(new Cli.Result(r.exit(), "", r.err()));
            if (n++ % CLI_EVERY == 0) {
                Cli.Result cli = Cli.run(bytes, "flows", "-f", "ndjson");
                assertThat(cli.outLines()).as("CLI, cut at %d", cut).isEqualTo(wholeLines.subList(0, expectedRows));
                assertThat(cli.exit()).isEqualTo(exit);
                assertThat(cli.err()).isEqualTo(r.err());
                Cli.assertWellBehaved(cli);
            }
        }
        System.out.printf("truncation sweep: %d cuts of a %d-byte file, %d ms of CPU%n", cuts.size(), file.length,
                (CPU.getCurrentThreadCpuTime() - started) / 1_000_000);
        return cuts.size();
    }

    /** One cut in {@value #CLI_EVERY} also runs through the whole CLI. */
    private static final int CLI_EVERY = 50;

    /** What reading some bytes from stdin gives: each row's values in order, stderr, and the CLI's exit code. */
    private record Read(List<List<Object>> rows, String err, int exit) {
        static Read of(byte[] bytes) {
            StringWriter err = new StringWriter();
            Diagnostics diagnostics = new Diagnostics(err, false);
            List<List<Object>> rows = new ArrayList<>();
            Pipeline pipeline = new Pipeline(FlowFilter.ALL, diagnostics, new ByteArrayInputStream(bytes));
            ReadStats stats = pipeline.run(pipeline.inputs(List.of("-")), new Reporter() {
                @Override
                public void accept(FlowRow row) {
                    rows.add(List.of(row.context().recordIndex(), row.timeMillis(), row.srcHi(), row.srcLo(), row.dstHi(),
                            row.dstLo(), row.srcPort(), row.dstPort(), row.protocol(), row.direction(), row.action(),
                            String.valueOf(row.state()), String.valueOf(row.encryption()), row.packetsSrcToDst(),
                            row.bytesSrcToDst(), row.packetsDstToSrc(), row.bytesDstToSrc(), row.context().rule()));
                }

                @Override
                public void finish(ReadStats stats) {
                }
            });
            return new Read(rows, err.toString(), ExitCode.afterReading(diagnostics, stats));
        }
    }

    /**
     * About {@code n} random offsets; every offset within 3 bytes of a record's end; and in each
     * record, the middle of its first tuple string and of its first number of two digits or more,
     * so that every record is also cut inside a string and inside a number.
     */
    private static TreeSet<Integer> denseCuts(byte[] file, int n) throws IOException {
        TreeSet<Integer> cuts = new TreeSet<>();
        Random random = new Random(file.length);
        for (int i = 0; i < n; i++) {
            cuts.add(random.nextInt(file.length + 1));
        }
        for (long end : recordEnds(file)) {
            for (long c = end - 3; c <= end + 3; c++) {
                if (c >= 0 && c <= file.length) {
                    cuts.add((int) c);
                }
            }
        }
        cuts.addAll(insideTokens(file));
        cuts.add(0);
        cuts.add(file.length);
        return cuts;
    }

    /** Per record, an offset inside its first flow-tuple string and one inside its first multi-digit number. */
    private static List<Integer> insideTokens(byte[] file) throws IOException {
        List<Integer> cuts = new ArrayList<>();
        boolean envelope = isEnvelope(file);
        boolean stringCut = false;
        boolean numberCut = false;
        try (JsonParser p = JSON.createParser(file)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                long start = p.currentTokenLocation().getByteOffset();
                long end = p.currentLocation().getByteOffset();
                if (t == JsonToken.START_OBJECT && isRecordLevel(p, envelope)) {
                    stringCut = false;
                    numberCut = false;
                } else if (t == JsonToken.VALUE_STRING && !stringCut
                        && "flowTuples".equals(p.getParsingContext().getParent().getCurrentName())) {
                    stringCut = true;
                    cuts.add((int) ((start + end) / 2));
                } else if (t == JsonToken.VALUE_NUMBER_INT && !numberCut && end - start >= 2) {
                    numberCut = true;
                    cuts.add((int) ((start + end) / 2));
                }
            }
        }
        return cuts;
    }

    /** The offset just past each record's closing brace, in order. */
    private static long[] recordEnds(byte[] file) throws IOException {
        List<Long> ends = new ArrayList<>();
        boolean envelope = isEnvelope(file);
        try (JsonParser p = JSON.createParser(file)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT && isRecordLevel(p, envelope)) {
                    p.skipChildren();
                    ends.add(p.currentLocation().getByteOffset());
                }
            }
        }
        return ends.stream().mapToLong(Long::longValue).toArray();
    }

    /** The number of flowTuples entries of each record, in order. */
    private static int[] tupleCounts(byte[] file) throws IOException {
        List<Integer> counts = new ArrayList<>();
        boolean envelope = isEnvelope(file);
        try (JsonParser p = JSON.createParser(file)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT && isRecordLevel(p, envelope)) {
                    counts.add(0);
                } else if (t == JsonToken.VALUE_STRING && "flowTuples".equals(p.getParsingContext().getParent().getCurrentName())) {
                    counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
                }
            }
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Records are the objects in the {@code records} array of an envelope, or top-level objects
     * (one per line). Entry: on a START_OBJECT.
     */
    private static boolean isRecordLevel(JsonParser p, boolean envelope) {
        var parent = p.getParsingContext().getParent();
        return envelope ? parent.inArray() && "records".equals(parent.getParent().getCurrentName()) : parent.inRoot();
    }

    private static boolean isEnvelope(byte[] file) {
        String start = new String(file, 0, Math.min(file.length, 40), java.nio.charset.StandardCharsets.UTF_8);
        return start.replaceAll("\\s", "").startsWith("{\"records\"");
    }

    private static boolean isBlank(byte[] file, int from, int to) {
        for (int i = from; i < to; i++) {
            if (file[i] != ' ' && file[i] != '\n' && file[i] != '\r' && file[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static int completeRecords(long[] ends, long cut) {
        int n = 0;
        while (n < ends.length && ends[n] <= cut) {
            n++;
        }
        return n;
    }

    private static int rows(int[] tupleCounts, int records) {
        return Arrays.stream(tupleCounts, 0, records).sum();
    }

    private static int lastIndexOf(byte[] file, byte b) {
        for (int i = file.length - 1; i >= 0; i--) {
            if (file[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** How many bytes of a cut gzip stream can still be decompressed. */
    private static int recoverableLength(byte[] cutGz) {
        int total = 0;
        byte[] buf = new byte[8192];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(cutGz))) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                total += n;
            }
        } catch (IOException expected) {
            // the cut: what was read before it is what a reader can use
        }
        return total;
    }
}
