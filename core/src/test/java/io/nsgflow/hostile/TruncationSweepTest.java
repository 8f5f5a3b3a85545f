package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.SharedSamples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

    @Test
    void sampleCutAtEveryByte() throws IOException {
        assertEveryByteCut(Files.readAllBytes(Path.of("samples/nsg-v1-PT1H.json")));
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
        byte[] file = GeneratedLog.bytes(GeneratedLog.records(new Random(7), 300, 6), GeneratedLog.Shape.ENVELOPE);
        assertThat(sweep(file, denseCuts(file, 2500))).isGreaterThan(2500);
    }

    @Test
    void recordPerLineCutAtADenseSample() throws IOException {
        byte[] file = GeneratedLog.bytes(GeneratedLog.records(new Random(8), 60, 4), GeneratedLog.Shape.RECORD_PER_LINE);
        assertThat(sweep(file, denseCuts(file, 1500))).isGreaterThan(1500);
    }

    @Test
    void prettyPrintedCutAtADenseSample() throws IOException {
        byte[] file = GeneratedLog.bytes(GeneratedLog.records(new Random(9), 40, 4), GeneratedLog.Shape.PRETTY_ENVELOPE);
        assertThat(sweep(file, denseCuts(file, 1000))).isGreaterThan(1000);
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

    /** Runs every cut and checks it; returns how many cuts were run. */
    private static int sweep(byte[] file, TreeSet<Integer> cuts) throws IOException {
        List<String> whole = Cli.run(file, "flows", "-f", "ndjson").outLines();
        long[] ends = recordEnds(file);
        int[] tupleCounts = tupleCounts(file);
        assertThat(rows(tupleCounts, ends.length)).isEqualTo(whole.size());
        int lastBrace = lastIndexOf(file, (byte) '}');
        boolean perLine = !isEnvelope(file);
        for (int cut : cuts) {
            Cli.Result r = Cli.run(Arrays.copyOf(file, cut), "flows", "-f", "ndjson");
            int complete = completeRecords(ends, cut);
            assertThat(r.outLines()).as("cut at %d", cut).isEqualTo(whole.subList(0, rows(tupleCounts, complete)));
            boolean allThere = cut > lastBrace
                    || perLine && complete > 0 && isBlank(file, (int) ends[complete - 1], cut);
            int exit = allThere ? 0 : complete > 0 ? 1 : 3;
            assertThat(r.exit()).as("exit for cut at %d; stderr %s", cut, r.err()).isEqualTo(exit);
            Cli.assertWellBehaved(r);
        }
        System.out.printf("truncation sweep: %d cuts of a %d-byte file%n", cuts.size(), file.length);
        return cuts.size();
    }

    /** About {@code n} evenly spread offsets, plus every offset within 3 bytes of a record's end. */
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
        cuts.add(0);
        cuts.add(file.length);
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
