package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.bench.FlowLogGenerator;
import io.nsgflow.bench.FlowLogGenerator.Version;
import io.nsgflow.cli.Terminal;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.source.FileInput;
import io.nsgflow.source.Input;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: a plain file cut into byte ranges read on several threads gives what reading it whole
 * gives, byte for byte: stdout, stderr (the same lines in the same order, with the file's own
 * offsets and record numbers) and the exit code, for every merging report, at 2 and 4 threads, with
 * ranges as the default plan cuts them and forced down to a few hundred bytes. Over the samples,
 * generated blobs of every version, and the hostile corpus.
 */
class SplitReadTest {
    private static final List<String> REPORTS = List.of("summary -f json", "top --by src --metric bytes",
            "top --by pair --limit 0 -f csv", "top --by dstport -f ndjson", "rules -f tsv", "timeline --every 5m -f csv",
            "scans -f json", "summary --action deny --direction in -f json");
    /** Range lengths forced by {@link ReadPlan#RANGE_PROPERTY}; 0 for the default plan. */
    private static final long[] RANGE_BYTES = {0, 300, 4096};

    @TempDir
    static Path dir;
    static List<Path> generated;

    @BeforeAll
    static void writeBlobs() throws IOException {
        generated = new ArrayList<>();
        generated.add(FlowLogGenerator.writeFolder(dir.resolve("v2"), Version.V2, 21, 1, 200_000).blobs().get(0));
        generated.add(FlowLogGenerator.writeFolder(dir.resolve("v1"), Version.V1, 22, 1, 100_000).blobs().get(0));
        generated.add(FlowLogGenerator.writeFolder(dir.resolve("vnet"), Version.VNET, 23, 1, 150_000).blobs().get(0));
        byte[] blob = Files.readAllBytes(generated.get(0));
        Path cut = dir.resolve("cut-PT1H.json");
        Files.write(cut, java.util.Arrays.copyOf(blob, blob.length * 2 / 3));
        generated.add(cut);
    }

    static Stream<String> reports() {
        return REPORTS.stream();
    }

    @ParameterizedTest
    @MethodSource("reports")
    void generatedBlobsAndSamplesReadInRangesGiveTheWholeAnswer(String report) throws IOException {
        List<Path> files = new ArrayList<>(generated);
        try (Stream<Path> samples = Files.list(Path.of("samples"))) {
            samples.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            assertSameAtEverySplit(report, file);
        }
    }

    static Stream<Path> hostileFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("core/src/test/resources/bad-input"))) {
            return files.filter(p -> !p.toString().endsWith(".tsv")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("hostileFiles")
    void hostileFilesReadInRangesSayTheSameInTheSameOrder(Path file) {
        for (String report : List.of("summary -f json", "top --by pair --limit 0 -f csv")) {
            assertSameAtEverySplit(report, file);
        }
    }

    /**
     * A record start inside a broken record: reading whole, the record's unterminated string
     * swallows the next record's opening, and reading resumes only at the record after it. The
     * range that starts at the swallowed record must count for nothing.
     */
    @Test
    void aRangeStartingWhereReadingWholeFindsNoRecordIsDropped() throws IOException {
        StringBuilder sb = new StringBuilder("{\"records\":[");
        for (int i = 0; i < 12; i++) {
            sb.append(i == 0 ? "" : ",").append(record(i, i == 5));
        }
        Path file = dir.resolve("swallowed-PT1H.json");
        Files.writeString(file, sb.append("]}").toString());
        long swallowed = sb.indexOf("{\"time\"", sb.indexOf("BROKEN"));

        System.setProperty(ReadPlan.RANGE_PROPERTY, "150");
        try {
            long[] starts = plan(file).get(0).split().starts();
            assertThat(starts).as("a range starts at the swallowed record").contains(swallowed);
        } finally {
            System.clearProperty(ReadPlan.RANGE_PROPERTY);
        }
        Result whole = run("summary -f json", 1, 0, file);
        assertThat(whole.err()).contains("skipped to the next record start");
        assertThat(whole.out()).as("the swallowed record and the broken one are lost").containsPattern("\"tuples\" ?: ?10,");
        for (String report : List.of("summary -f json", "top --by src -f csv")) {
            Result one = run(report, 1, 0, file);
            assertSame(one, report, file, 2, 150);
            assertSame(one, report, file, 4, 150);
            assertSameAtEverySplit(report, file);
        }
    }

    /** Line numbers count from where the parser reading whole began, not from where a range began. */
    @Test
    void recordsOnePerLineAfterTheEnvelopeKeepTheirLineNumbers() throws IOException {
        StringBuilder sb = new StringBuilder("{\"records\":[\n");
        for (int i = 0; i < 8; i++) {
            sb.append(i == 0 ? "" : ",\n").append(record(i, false));
        }
        String broken = record(21, false);
        sb.append("\n]}\n").append(record(20, false)).append('\n').append(broken, 0, broken.length() - 9).append("xx\n")
                .append(record(22, false)).append('\n');
        Path file = dir.resolve("lines-after-envelope-PT1H.json");
        Files.writeString(file, sb.toString());

        Result one = run("summary -f json", 1, 0, file);
        assertThat(one.err()).contains(": line 12, byte ");
        for (long bytes : new long[] {100, 300, 700}) {
            assertSame(one, "summary -f json", file, 2, bytes);
        }
    }

    /**
     * An array closed by the wrong bracket: Jackson's own message names where the array began by
     * the parser's line and column, which count from the range's start; our line names bytes only.
     */
    @Test
    void aWrongClosingBracketReadsTheSameInARangeAsWhole() throws IOException {
        StringBuilder sb = new StringBuilder("{\"records\":[\n");
        for (int i = 0; i < 10; i++) {
            String record = record(i, false);
            sb.append(i == 0 ? "" : ",\n").append(i == 7 ? record.replace("\"]}]}]}}", "\"}}]}]}}") : record);
        }
        Path file = dir.resolve("wrong-bracket-PT1H.json");
        Files.writeString(file, sb.append("\n]}").toString());

        Result one = run("summary -f json", 1, 0, file);
        assertThat(one.err()).contains("Unexpected close marker '}': expected ']'").doesNotContain("line:", "Source");
        for (long bytes : new long[] {200, 500, 900}) {
            assertSame(one, "summary -f json", file, 2, bytes);
        }
    }

    @Test
    void byDefaultAFileIsCutOncePerThreadIntoRangesOfAQuarterGigabyteOrMore() {
        long mb = 1L << 20;
        assertThat(ReadPlan.defaultRange(1000 * mb, 2)).isEqualTo(500 * mb);
        assertThat(ReadPlan.defaultRange(2048 * mb, 4)).isEqualTo(512 * mb);
        assertThat(ReadPlan.defaultRange(600 * mb, 4)).as("two ranges, not four short ones").isEqualTo(300 * mb);
        assertThat(ReadPlan.defaultRange(511 * mb, 2)).as("ranges under 256 MiB do not pay").isZero();
        assertThat(ReadPlan.defaultRange(100 * mb, 8)).isZero();
        assertThat(ReadPlan.defaultRange(1000 * mb, 1)).isZero();
    }

    @Test
    void aSmallFileIsReadWholeUnlessAskedThenCutIntoRangesOfTheLengthAsked() throws IOException {
        Path big = generated.get(0);
        assertThat(plan(big)).as("small, not asked: read whole").hasSize(1);
        System.setProperty(ReadPlan.RANGE_PROPERTY, Long.toString(Files.size(big) / 4));
        try {
            List<ReadPlan.Task> tasks = plan(big);
            assertThat(tasks).hasSizeBetween(3, 5);
            long[] starts = tasks.get(0).split().starts();
            String text = Files.readString(big, StandardCharsets.UTF_8);
            for (int i = 1; i < starts.length; i++) {
                assertThat(text.substring((int) starts[i], (int) starts[i] + 8)).isEqualTo("{\"time\":");
            }
        } finally {
            System.clearProperty(ReadPlan.RANGE_PROPERTY);
        }
    }

    @Test
    void gzipIsReadWhole() throws IOException {
        Path gz = dir.resolve("blob.json.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(generated.get(0)));
        }
        System.setProperty(ReadPlan.RANGE_PROPERTY, "300");
        try {
            assertThat(plan(gz)).hasSize(1);
        } finally {
            System.clearProperty(ReadPlan.RANGE_PROPERTY);
        }
    }

    private static String record(int i, boolean broken) {
        String tuple = "\"17156772" + (10 + i) + ",10.0.0." + (i + 1) + ",13.67.143.118,44931,443,T,O,A,B,,,,\"";
        return "{\"time\":\"2024-05-14T09:00:" + (10 + i) + "Z\",\"category\":\"NetworkSecurityGroupFlowEvent\","
                + "\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"r\",\"flows\":[{\"mac\":\"000D3A000001\","
                + "\"flowTuples\":[" + (broken ? "\"BROKEN" : tuple) + "]}]}]}}";
    }

    private static List<ReadPlan.Task> plan(Path file) {
        List<Input> inputs = List.of(FileInput.of(file));
        return ReadPlan.plan(inputs, new Diagnostics(new StringWriter(), false), true, 2);
    }

    /** The report of {@code file} at 2 and 4 threads, at every forced range length, is the one-thread report. */
    static void assertSameAtEverySplit(String report, Path file) {
        Result one = run(report, 1, 0, file);
        for (int threads : new int[] {2, 4}) {
            for (long bytes : RANGE_BYTES) {
                assertSame(one, report, file, threads, bytes);
            }
        }
    }

    /** The report of {@code file} at {@code threads} threads and ranges of {@code rangeBytes} is {@code one}. */
    static void assertSame(Result one, String report, Path file, int threads, long rangeBytes) {
        Result many = run(report, threads, rangeBytes, file);
        String as = report + " of " + file + " at " + threads + " threads, ranges of " + rangeBytes + " bytes";
        assertThat(many.err()).as(as).isEqualTo(one.err());
        assertThat(many.out()).as(as).isEqualTo(one.out());
        assertThat(many.exit()).as(as).isEqualTo(one.exit());
    }

    record Result(int exit, String out, String err) {
    }

    /** Runs the CLI in this process, with ranges of {@code rangeBytes} (0: the default plan). */
    static Result run(String report, int threads, long rangeBytes, Path file) {
        List<String> args = new ArrayList<>(List.of(report.split(" ")));
        args.addAll(List.of("--threads", Integer.toString(threads), file.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        if (rangeBytes > 0) {
            System.setProperty(ReadPlan.RANGE_PROPERTY, Long.toString(rangeBytes));
        }
        try {
            int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), args.toArray(new String[0]));
            return new Result(exit, out.toString(), err.toString());
        } finally {
            System.clearProperty(ReadPlan.RANGE_PROPERTY);
        }
    }
}
