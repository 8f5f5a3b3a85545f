package io.nsgflow.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs with {@code --checkpoint}, through the real CLI, interleaved with appends, rewrites and mistakes. */
class IncrementalRunsTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Result flows(Path checkpoint, String... paths) {
        List<String> args = new ArrayList<>(List.of("flows", "-f", "csv", "--no-header", "--checkpoint", checkpoint.toString()));
        args.addAll(List.of(paths));
        return run(args.toArray(String[]::new));
    }

    private static String full(String... paths) {
        List<String> args = new ArrayList<>(List.of("flows", "-f", "csv", "--no-header"));
        args.addAll(List.of(paths));
        return run(args.toArray(String[]::new)).out();
    }

    /** The {@code tuples} and {@code flows} counts of a {@code summary -f tsv --table overview}. */
    private static long[] totals(Result summary) {
        List<String> lines = summary.out().lines().toList();
        List<String> header = List.of(lines.get(0).split("\t", -1));
        String[] values = lines.get(1).split("\t", -1);
        return new long[] {Long.parseLong(values[header.indexOf("tuples")]), Long.parseLong(values[header.indexOf("flows")])};
    }

    private static Result summary(String... args) {
        List<String> all = new ArrayList<>(List.of("summary", "-f", "tsv", "--table", "overview"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    @Test
    void runsBetweenAppendsPrintEveryTupleOnceAndSummariesAddUpToOneFullRead() {
        GrowingBlob blob = new GrowingBlob(dir.resolve("PT1H.json"), GrowingBlob.NSG_V2);
        Path flowsCheckpoint = dir.resolve("flows.ckpt");
        Path summaryCheckpoint = dir.resolve("summary.ckpt");
        StringBuilder union = new StringBuilder();
        long tuples = 0;
        long flows = 0;
        Runnable[] steps = {
            () -> blob.append(3),
            () -> blob.appendCut(4, 100), // a record being written: not read yet, not a problem
            () -> blob.appendCut(0, 900),
            () -> blob.append(5),
            () -> { }, // nothing new
            () -> blob.append(1),
            () -> blob.appendCut(12, 7),
            () -> blob.append(GrowingBlob.NSG_V2.size() - blob.complete()),
        };
        for (Runnable step : steps) {
            step.run();
            Result r = flows(flowsCheckpoint, blob.path().toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            union.append(r.out());
            Result s = summary("--checkpoint", summaryCheckpoint.toString(), blob.path().toString());
            assertThat(s.exit()).as(s.err()).isZero();
            tuples += totals(s)[0];
            flows += totals(s)[1];
        }
        String whole = full(blob.path().toString());
        assertThat(whole.lines().count()).isEqualTo(121);
        assertThat(union.toString()).isEqualTo(whole);
        long[] once = totals(summary(blob.path().toString()));
        assertThat(tuples).isEqualTo(once[0]);
        assertThat(flows).as("flows: connections begun in one run and continued in the next count once").isEqualTo(once[1]);
    }

    @Test
    void anUnchangedFileIsNotReadAgain() {
        GrowingBlob blob = new GrowingBlob(dir.resolve("PT1H.json"), GrowingBlob.NSG_V2).append(5);
        Path ckpt = dir.resolve("c");
        assertThat(flows(ckpt, blob.path().toString()).out()).isNotEmpty();
        Result again = flows(ckpt, blob.path().toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).isEmpty();
    }

    /**
     * Reads the first {@code before} sample records with a checkpoint, puts a new file of
     * {@code after} records at the same path, and reads again with the checkpoint.
     */
    private Result readRewritten(int before, List<String> after) throws IOException {
        Path file = dir.resolve("PT1H.json");
        new GrowingBlob(file, GrowingBlob.NSG_V2).append(before);
        Path ckpt = dir.resolve("c");
        flows(ckpt, file.toString());
        Files.delete(file);
        new GrowingBlob(file, after).append(after.size());
        Result r = flows(ckpt, file.toString());
        assertThat(r.out()).isEqualTo(full(file.toString()));
        assertThat(r.exit()).isZero(); // nothing was skipped
        return r;
    }

    @Test
    void aRewrittenFileIsReadFromTheStartWithAWarning() throws IOException {
        Result r = readRewritten(6, GrowingBlob.records(Path.of("samples", "nsg-v1-PT1H.json")));
        assertThat(r.err()).contains(dir.resolve("PT1H.json") + ": warning: rewritten (its first bytes changed); read again from the start");
    }

    @Test
    void aFileRewrittenBehindTheReadPointIsReadFromTheStart() throws IOException {
        // the same first ten records (more than the hashed first bytes), then others: only the bytes before the read point differ
        List<String> changed = new ArrayList<>(GrowingBlob.NSG_V2.subList(0, 10));
        changed.addAll(GrowingBlob.NSG_V2.subList(20, 30));
        assertThat(readRewritten(12, changed).err()).contains("rewritten (the bytes before byte");
    }

    @Test
    void aTruncatedFileIsReadFromTheStartWithAWarning() throws IOException {
        assertThat(readRewritten(10, GrowingBlob.NSG_V2.subList(0, 3)).err())
                .contains(": warning: shorter than when it was read (").contains("rewritten; read again from the start");
    }

    @Test
    void twoFilesOfTheSameNameInDifferentFoldersAreTrackedApart() throws IOException {
        Files.createDirectories(dir.resolve("logs/a"));
        Files.createDirectories(dir.resolve("logs/b"));
        GrowingBlob a = new GrowingBlob(dir.resolve("logs/a/PT1H.json"), GrowingBlob.NSG_V2).append(4);
        GrowingBlob b = new GrowingBlob(dir.resolve("logs/b/PT1H.json"), GrowingBlob.NSG_V2).append(2);
        Path ckpt = dir.resolve("c");
        String logs = dir.resolve("logs").toString();
        assertThat(flows(ckpt, logs).out()).isEqualTo(full(logs));
        b.append(3);
        String before = full(b.path().toString());
        Result r = flows(ckpt, logs);
        assertThat(r.out()).isNotEmpty();
        assertThat(before).endsWith(r.out());
        assertThat(r.out().lines().count()).isLessThan(before.lines().count());
        a.append(0);
        assertThat(flows(ckpt, logs).out()).isEmpty();
    }

    @Test
    void oneRecordPerLineFilesResumeAtTheNextLine() throws IOException {
        Path file = dir.resolve("records.ndjson");
        List<String> recs = GrowingBlob.NSG_V2;
        Files.writeString(file, recs.get(0) + "\n" + recs.get(1) + "\n" + recs.get(2).substring(0, 40));
        Path ckpt = dir.resolve("c");
        StringBuilder union = new StringBuilder(flows(ckpt, file.toString()).out());
        Files.writeString(file, recs.get(2).substring(40) + "\n" + recs.get(3) + "\n", java.nio.file.StandardOpenOption.APPEND);
        Result r = flows(ckpt, file.toString());
        assertThat(r.err()).isEmpty();
        union.append(r.out());
        assertThat(union.toString()).isEqualTo(full(file.toString()));
    }

    @Test
    void aChangedGzipFileIsReadAgainFromTheStartWithAWarning() throws IOException {
        Path file = dir.resolve("PT1H.json.gz");
        gzip(file, 3);
        Path ckpt = dir.resolve("c");
        flows(ckpt, file.toString());
        assertThat(flows(ckpt, file.toString()).out()).isEmpty();
        gzip(file, 5);
        Result r = flows(ckpt, file.toString());
        assertThat(r.err()).contains("cannot be read from the middle; read again from the start");
        assertThat(r.out()).isEqualTo(full(file.toString()));
    }

    private static void gzip(Path file, int records) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("{\"records\":[" + String.join(",", GrowingBlob.NSG_V2.subList(0, records)) + "]}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aVanishedFileIsForgotten() throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        new GrowingBlob(dir.resolve("logs/1.json"), GrowingBlob.NSG_V2).append(2);
        new GrowingBlob(dir.resolve("logs/2.json"), GrowingBlob.NSG_V2).append(2);
        Path ckpt = dir.resolve("c");
        flows(ckpt, dir.resolve("logs").toString());
        assertThat(new CheckpointFile(ckpt).read().marks()).hasSize(2);
        Files.delete(dir.resolve("logs/1.json"));
        flows(ckpt, dir.resolve("logs").toString());
        assertThat(new CheckpointFile(ckpt).read().marks().keySet())
                .containsExactly(dir.resolve("logs/2.json").toAbsolutePath().toString());
    }

    /** A checkpoint saved by a run over {@code file}, three records long. */
    private Path savedCheckpoint(Path file) {
        new GrowingBlob(file, GrowingBlob.NSG_V2).append(3);
        Path ckpt = dir.resolve("c");
        flows(ckpt, file.toString());
        return ckpt;
    }

    @Test
    void aCorruptCheckpointIsAUsageErrorNotAFullReread() throws IOException {
        Path file = dir.resolve("PT1H.json");
        Path ckpt = savedCheckpoint(file);
        String saved = Files.readString(ckpt);
        Files.writeString(ckpt, saved.substring(0, saved.length() / 2));
        assertUsageError(flows(ckpt, file.toString()), ckpt + ": checkpoint is corrupt: not valid JSON at byte ");
        Files.writeString(ckpt, "{\"hello\": 1}");
        assertUsageError(flows(ckpt, file.toString()), ckpt + ": checkpoint is corrupt: not an nsgflow checkpoint");
        Files.writeString(ckpt, saved.replace("\"offset\":", "\"offset\":\"x\",\"was\":"));
        assertUsageError(flows(ckpt, file.toString()), "checkpoint is corrupt: offset is not a whole number, at byte ");
    }

    @Test
    void aVersionOneCheckpointIsStillRead() {
        Path file = dir.resolve("PT1H.json");
        Path ckpt = savedCheckpoint(file);
        String saved = readString(ckpt);
        assertThat(saved).contains("\"version\":2");
        writeString(ckpt, saved.replace("\"version\":2", "\"version\":1").replaceAll(",\"orphaned\":\\[[^\\]]*\\]", ""));
        Result again = flows(ckpt, file.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).isEmpty();
    }

    /** One NSG v2 record of {@code tuples} for one MAC, at {@code time}. */
    private static String record(String time, String... tuples) {
        return "{\"time\":\"" + time + "\",\"systemId\":\"s\",\"macAddress\":\"000D3A9E14F8\",\"category\":"
                + "\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/"
                + "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/API-NSG\",\"operationName\":\"NetworkSecurityGroupFlowEvents\","
                + "\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"R\",\"flows\":[{\"mac\":\"000D3A9E14F8\","
                + "\"flowTuples\":[\"" + String.join("\",\"", tuples) + "\"]}]}]}}";
    }

    @Test
    void aConnectionSeenOnlyByItsContinuingAndEndTuplesCountsOnceOverRuns() {
        String c = "1715612531,10.0.0.1,10.0.0.2,1000,80,T,O,A,C,1,100,1,100";
        String e = "1715612591,10.0.0.1,10.0.0.2,1000,80,T,O,A,E,1,100,1,100";
        String other = "1715612600,10.0.0.3,10.0.0.2,1001,80,T,O,A,E,1,100,1,100";
        GrowingBlob blob = new GrowingBlob(dir.resolve("PT1H.json"), List.of(record("2024-05-13T15:02:31Z", e),
                record("2024-05-13T15:03:31Z", c, other), record("2024-05-13T15:04:31Z", e)));
        Path ckpt = dir.resolve("summary.ckpt");
        long flows = 0;
        for (int step = 0; step < 3; step++) {
            blob.append(1);
            Result s = summary("--checkpoint", ckpt.toString(), blob.path().toString());
            assertThat(s.exit()).as(s.err()).isZero();
            flows += totals(s)[1];
        }
        assertThat(totals(summary(blob.path().toString()))[1]).isEqualTo(2);
        assertThat(flows).as("the first key is one flow, though each run sees only its E or C tuples").isEqualTo(2);
        assertThat(readString(ckpt)).contains("\"orphaned\":[\n[");
        Result shown = run("checkpoint", "show", "-f", "ndjson", "--table", "checkpoint", ckpt.toString());
        assertThat(shown.out()).as(shown.err()).contains("\"openConnections\":0,\"orphanedConnections\":2,\"connectionsDropped\":0");
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeString(Path p, String s) {
        try {
            Files.writeString(p, s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCheckpointFromANewerVersionIsAUsageError() throws IOException {
        Path file = dir.resolve("PT1H.json");
        Path ckpt = savedCheckpoint(file);
        Files.writeString(ckpt, Files.readString(ckpt).replace("\"version\":2", "\"version\":3"));
        assertUsageError(flows(ckpt, file.toString()), "checkpoint format version 3 was written by a newer nsgflow");
    }

    @Test
    void aCheckpointOfAnotherJobIsAUsageError() throws IOException {
        GrowingBlob a = new GrowingBlob(dir.resolve("a.json"), GrowingBlob.NSG_V2).append(3);
        GrowingBlob b = new GrowingBlob(dir.resolve("b.json"), GrowingBlob.NSG_V2).append(3);
        Path ckpt = dir.resolve("c");
        flows(ckpt, a.path().toString());
        assertUsageError(flows(ckpt, b.path().toString()), "give each job its own checkpoint file");
        assertUsageError(run("summary", "--checkpoint", ckpt.toString(), a.path().toString()),
                "checkpoint was written by 'flows' for [");
        assertUsageError(run("flows", "--checkpoint", ckpt.toString(), "-"), "standard input cannot be read incrementally");
    }

    @Test
    void checkpointShowSaysWhatWasReadAndWhatIsPending() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        GrowingBlob appended = new GrowingBlob(logs.resolve("a.json"), GrowingBlob.NSG_V2).append(5);
        GrowingBlob writing = new GrowingBlob(logs.resolve("b.json"), GrowingBlob.NSG_V2).appendCut(3, 61);
        GrowingBlob gone = new GrowingBlob(logs.resolve("c.json"), GrowingBlob.NSG_V2).append(2);
        Path ckpt = dir.resolve("c");
        flows(ckpt, logs.toString());
        long readTo = Files.size(appended.path()) - "]}".length();
        appended.append(1);
        Path added = new GrowingBlob(logs.resolve("d.json"), GrowingBlob.NSG_V2).append(1).path();
        Files.delete(gone.path());

        Result r = run("checkpoint", "show", "-f", "tsv", "--table", "inputs", ckpt.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, String[]> rows = new HashMap<>();
        r.out().lines().skip(1).map(l -> l.split("\t", -1)).forEach(f -> rows.put(Path.of(f[0]).getFileName().toString(), f));
        // columns: input hour state size readTo unread records readAt
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("input\thour\tstate\tsize\treadTo\tunread\trecords\treadAt");
        assertThat(rows.get("a.json")).startsWith(appended.path().toAbsolutePath().toString(), "", "appended",
                Long.toString(Files.size(appended.path())), Long.toString(readTo),
                Long.toString(Files.size(appended.path()) - readTo), "5");
        assertThat(rows.get("b.json")).startsWith(writing.path().toAbsolutePath().toString(), "", "read",
                Long.toString(Files.size(writing.path())), Long.toString(Files.size(writing.path()) - 61), "61", "3");
        assertThat(rows.get("c.json")[2]).isEqualTo("gone");
        assertThat(rows.get("c.json")[5]).isEmpty();
        assertThat(rows.get("d.json")).containsExactly(added.toAbsolutePath().toString(), "", "new",
                Long.toString(Files.size(added)), "0", Long.toString(Files.size(added)), "0", "");
        assertThat(rows.get("a.json")[7]).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        Result job = run("checkpoint", "show", "-f", "tsv", "--table", "checkpoint", ckpt.toString());
        assertThat(job.out()).startsWith("command\tinputs\tsaved\topenConnections\torphanedConnections\tconnectionsDropped\nflows\t"
                + logs.toAbsolutePath() + "\t");
        assertUsageError(run("checkpoint", "show", dir.resolve("none").toString()), "no such checkpoint file");
    }

    private static void assertUsageError(Result r, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("nsgflow: ").contains(message).doesNotContain("Exception");
    }
}
