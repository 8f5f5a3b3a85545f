package io.nsgflow.source.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import io.nsgflow.Pipeline;
import io.nsgflow.checkpoint.IncrementalRead;
import io.nsgflow.checkpoint.NsgflowProcess;
import io.nsgflow.diag.Diagnostics;
import io.nsgflow.filter.FlowFilter;
import io.nsgflow.model.FlowRow;
import io.nsgflow.model.ReadStats;
import io.nsgflow.report.Reporter;
import io.nsgflow.source.Input;
import io.nsgflow.source.InputScope;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --checkpoint} and {@code follow} on blob URLs, against Azurite, with blobs written the way
 * Network Watcher writes them (a block per record, each append committed before the closing
 * {@code ]}} block): runs between appends read every tuple once, the hour rolls over, a rewritten
 * blob is read again, and an incremental run costs a listing plus one ranged read per changed blob.
 */
@ExtendWith(Azurite.Resolver.class)
class BlobCheckpointTest {
    private static final List<byte[]> RECORDS = NetworkWatcher.records(Path.of("samples/nsg-v2-PT1H.json"));
    private static final String NSG_FOLDER = "resourceId=/SUBSCRIPTIONS/5F3C9A2E-8B71-4D06-A9E4-2C7B1D8E6F40/RESOURCEGROUPS/RG-PROD/"
            + "PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/API-NSG/";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static FlowLogAccount account;

    @TempDir
    Path dir;

    @BeforeAll
    static void account(Azurite azurite) {
        account = FlowLogAccount.of(azurite);
    }

    /** The sample's blob name for {@code hour} of 2024-05-13 (the sample's records are of hour 15). */
    private static String blob(int hour) {
        return String.format(Locale.ROOT, "%sy=2024/m=05/d=13/h=%02d/m=00/macAddress=000D3A9E14F8/PT1H.json", NSG_FOLDER, hour);
    }

    /** Sample records {@code [from, to)}, their times moved to {@code hour}, as the blob of that hour holds them. */
    private static List<byte[]> records(int from, int to, int hour) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] r : RECORDS.subList(from, to)) {
            out.add(new String(r, StandardCharsets.UTF_8).replace("\"time\":\"2024-05-13T15:",
                    String.format(Locale.ROOT, "\"time\":\"2024-05-13T%02d:", hour)).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String url(BlobContainerClient c) {
        return account.url(c.getBlobContainerName()) + "?" + account.accountSas();
    }

    private static BlobCliTest.Result run(String... args) {
        return BlobCliTest.run(args);
    }

    /** The {@code tuples} and {@code flows} counts of a {@code summary -f tsv --table overview}. */
    private static long[] totals(BlobCliTest.Result summary) {
        List<String> lines = summary.out().lines().toList();
        List<String> header = List.of(lines.get(0).split("\t", -1));
        String[] values = lines.get(1).split("\t", -1);
        return new long[] {Long.parseLong(values[header.indexOf("tuples")]), Long.parseLong(values[header.indexOf("flows")])};
    }

    /** Reads made (GETs of bytes), the bytes they received, and listing pages sent by what {@code action} runs. */
    private record Cost(long reads, long readBytes, long lists, long others) {
        static Cost of(Runnable action) {
            Map<String, Long> before = StorageClients.sent();
            action.run();
            Map<String, Long> after = StorageClients.sent();
            return new Cost(sent(before, after, "read"), sent(before, after, "readBytes"), sent(before, after, "list"),
                    sent(before, after, "properties") + sent(before, after, "blocklist") + sent(before, after, "other"));
        }

        private static long sent(Map<String, Long> before, Map<String, Long> after, String kind) {
            return after.getOrDefault(kind, 0L) - before.getOrDefault(kind, 0L);
        }
    }

    @Test
    void runsBetweenAppendsReadEachTupleOnceAcrossTheHourAndCostOneReadPerChangedBlob() {
        BlobContainerClient c = account.writer.container("ckpt-runs");
        String url = url(c);
        Path flowsCheckpoint = dir.resolve("flows.ckpt");
        Path summaryCheckpoint = dir.resolve("summary.ckpt");
        StringBuilder union = new StringBuilder();
        long[] summed = new long[2];
        // each step changes some blobs, then a flows run and a summary run read what is new
        record Step(int changedBlobs, Runnable change) {
        }
        List<Step> steps = List.of(
                new Step(1, () -> account.writer.write(c, blob(15), records(0, 3, 15))),
                new Step(1, () -> account.writer.append(c, blob(15), records(3, 4, 15))),
                new Step(1, () -> account.writer.append(c, blob(15), records(4, 9, 15))),
                new Step(0, () -> { }),
                // the hour turns: the next hour's blob appears, and the last records of the hour reach the old one
                new Step(2, () -> {
                    account.writer.write(c, blob(16), records(9, 12, 16));
                    account.writer.append(c, blob(15), records(12, 14, 15));
                }),
                new Step(1, () -> account.writer.append(c, blob(16), records(14, 20, 16))),
                new Step(0, () -> { }),
                new Step(2, () -> {
                    account.writer.write(c, blob(17), records(20, 22, 17));
                    account.writer.append(c, blob(16), records(22, 23, 16));
                }),
                new Step(1, () -> account.writer.append(c, blob(17), records(23, RECORDS.size(), 17))));
        for (Step step : steps) {
            step.change().run();
            BlobCliTest.Result[] r = new BlobCliTest.Result[1];
            Cost cost = Cost.of(() -> r[0] = run("flows", "-f", "csv", "--no-header", "--checkpoint", flowsCheckpoint.toString(), url));
            assertThat(r[0].exit()).as(r[0].err()).isZero();
            assertThat(r[0].err()).isEmpty();
            union.append(r[0].out());
            // a listing, then one ranged read per blob that changed: none for a blob that did not, and nothing else
            assertThat(cost.reads()).as("reads after %s blobs changed", step.changedBlobs()).isEqualTo(step.changedBlobs());
            assertThat(cost.others()).as("requests other than listings and reads").isZero();
            assertThat(cost.lists()).isPositive();
            BlobCliTest.Result s = run("summary", "-f", "tsv", "--table", "overview", "--checkpoint", summaryCheckpoint.toString(), url);
            assertThat(s.exit()).as(s.err()).isZero();
            summed[0] += totals(s)[0];
            summed[1] += totals(s)[1];
        }
        String whole = run("flows", "-f", "csv", "--no-header", url).out();
        assertThat(whole.lines().count()).isGreaterThan(100);
        assertThat(union.toString()).isEqualTo(whole);
        long[] once = totals(run("summary", "-f", "tsv", "--table", "overview", url));
        assertThat(summed).as("tuples and flows summed over the runs").containsExactly(once);
    }

    @Test
    void aListingOfLaterRunsLeavesOutSettledHoursAndTheCheckpointForgetsThem() {
        BlobContainerClient c = account.writer.container("ckpt-hours");
        String url = url(c);
        Path checkpoint = dir.resolve("hours.ckpt");
        for (int hour = 10; hour < 16; hour++) {
            account.writer.write(c, blob(hour), records(hour, hour + 2, hour));
        }
        BlobCliTest.Result first = run("flows", "-f", "csv", "--checkpoint", checkpoint.toString(), url);
        assertThat(first.exit()).as(first.err()).isZero();
        account.writer.append(c, blob(10), records(30, 31, 10)); // an hour long settled: Network Watcher never does this

        BlobCliTest.Result[] later = new BlobCliTest.Result[1];
        Cost cost = Cost.of(() -> later[0] = run("checkpoint", "show", "-f", "csv", "--table", "inputs", checkpoint.toString(), url));
        assertThat(later[0].exit()).as(later[0].err()).isZero();
        // the checkpoint knows six blobs; the next run looks only at hours 14 and 15 (the newest read and the one before)
        assertThat(later[0].out().lines().filter(l -> l.contains(",read,"))).hasSize(2).allMatch(l -> l.contains("/h=14/") || l.contains("/h=15/"));
        assertThat(later[0].out().lines().filter(l -> l.contains(",settled,"))).hasSize(4);
        assertThat(later[0].out()).doesNotContain("sig=");
        assertThat(cost.reads()).isZero();
        Cost next = Cost.of(() -> later[0] = run("flows", "-f", "csv", "--no-header", "--checkpoint", checkpoint.toString(), url));
        assertThat(later[0].out()).isEmpty();
        assertThat(next.reads()).isZero();
        String saved = readString(checkpoint);
        assertThat(saved).contains("/h=14/").contains("/h=15/").doesNotContain("/h=13/").doesNotContain("/h=10/");
        assertThat(saved).doesNotContain("sig=").doesNotContain("?");
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRewrittenBlobIsReadFromTheStartWithAWarning() {
        BlobContainerClient c = account.writer.container("ckpt-rewritten");
        String url = url(c);
        Path checkpoint = dir.resolve("rewritten.ckpt");
        account.writer.write(c, blob(15), records(0, 6, 15));
        assertThat(run("flows", "-f", "csv", "--checkpoint", checkpoint.toString(), url).exit()).isZero();

        account.writer.write(c, blob(15), records(10, 20, 15)); // a new version, longer: not an append
        BlobCliTest.Result longer = run("flows", "-f", "csv", "--no-header", "--checkpoint", checkpoint.toString(), url);
        assertThat(longer.err()).contains(blob(15) + ": warning: rewritten (the bytes before byte")
                .contains("read again from the start").doesNotContain("sig=");
        assertThat(longer.out()).isEqualTo(run("flows", "-f", "csv", "--no-header", url).out());

        account.writer.write(c, blob(15), records(30, 31, 15));
        BlobCliTest.Result shorter = run("flows", "-f", "csv", "--no-header", "--checkpoint", checkpoint.toString(), url);
        assertThat(shorter.err()).contains("warning: shorter than when it was read");
        assertThat(shorter.out()).isEqualTo(run("flows", "-f", "csv", "--no-header", url).out());
        assertThat(shorter.exit()).isZero();
    }

    /** Collects the rows a read hands on, each as a line of its fields. */
    private static final class Rows implements Reporter {
        final List<String> rows = new ArrayList<>();

        @Override
        public void accept(FlowRow row) {
            rows.add(row.timeMillis() + " " + row.srcLo() + ":" + row.srcPort() + " " + row.dstLo() + ":" + row.dstPort() + " "
                    + row.state() + " " + row.bytes());
        }

        @Override
        public void finish(ReadStats stats) {
        }
    }

    private static Pipeline pipeline(StringWriter err) {
        return new Pipeline(FlowFilter.ALL, new Diagnostics(err, false), new ByteArrayInputStream(new byte[0]));
    }

    /** The rows of every blob under {@code url} as they are now, read whole without a checkpoint. */
    private static List<String> wholeRows(String url) {
        Pipeline p = pipeline(new StringWriter());
        Rows whole = new Rows();
        p.readInto(p.inputs(List.of(url)), whole);
        return whole.rows;
    }

    @Test
    void aBlobThatChangesBetweenItsListingAndItsReadIsReadInItsNewVersionNeverHalfAndHalf() {
        BlobContainerClient c = account.writer.container("ckpt-racing");
        String url = url(c);
        account.writer.write(c, blob(15), records(0, 3, 15));
        List<String> warnings = new ArrayList<>();
        IncrementalRead read = IncrementalRead.inMemory(List.of(url), Clock.systemUTC(), (name, why) -> warnings.add(why));
        StringWriter err = new StringWriter();
        Pipeline pipeline = pipeline(err).incremental(read);
        Rows rows = new Rows();

        pipeline.readInto(read.plan(pipeline.inputs(List.of(url), read.scope(InputScope.everything()))), rows);
        account.writer.append(c, blob(15), records(3, 4, 15));
        List<Input> listed = pipeline.inputs(List.of(url), read.scope(InputScope.everything()));
        account.writer.append(c, blob(15), records(4, 5, 15)); // after the listing: the listed ETag is no longer the blob's
        pipeline.readInto(read.plan(listed), rows);
        List<String> fiveRecords = wholeRows(url);
        assertThat(err.toString()).isEmpty();
        assertThat(rows.rows).as("the first three records, then the two appended, once each").isEqualTo(fiveRecords);

        account.writer.append(c, blob(15), records(5, 6, 15));
        List<Input> listedAgain = pipeline.inputs(List.of(url), read.scope(InputScope.everything()));
        account.writer.write(c, blob(15), records(0, 2, 15)); // rewritten, shorter, after the listing
        pipeline.readInto(read.plan(listedAgain), rows);
        List<String> expected = new ArrayList<>(fiveRecords);
        expected.addAll(wholeRows(url));
        assertThat(rows.rows).as("then the rewritten blob from its start").isEqualTo(expected);
        assertThat(warnings).singleElement().asString().startsWith("shorter than when it was read");
    }

    @Test
    void followOnABlobUrlPrintsExactlyTheNewRowsAndResumesAfterSigtermWithoutRepeats() throws InterruptedException {
        BlobContainerClient c = account.writer.container("ckpt-follow");
        String url = url(c);
        account.writer.write(c, blob(15), records(0, 3, 15));
        Path checkpoint = dir.resolve("follow.ckpt");
        String[] args = {"follow", "-f", "csv", "--no-header", "--interval", "300ms", "--checkpoint", checkpoint.toString(), url};
        NsgflowProcess follow = NsgflowProcess.start(args);
        awaitSaved(checkpoint, follow);
        String existing = rows(url); // there at start: skipped, as tail -f skips what a file holds

        StringBuilder expected = new StringBuilder();
        String before = existing;
        account.writer.append(c, blob(15), records(3, 5, 15));
        expected.append(rows(url).substring(before.length()));
        assertThat(follow.awaitOut(expected.toString()::equals, PATIENCE)).as("first append; stdout:%n%s%nstderr:%n%s",
                follow.out(), follow.err()).isTrue();
        before = rows(url);
        account.writer.append(c, blob(15), records(5, 6, 15));
        expected.append(rows(url).substring(before.length()));
        assertThat(follow.awaitOut(expected.toString()::equals, PATIENCE)).as("second append: %s", follow.err()).isTrue();
        before = rows(url);
        account.writer.append(c, blob(15), records(6, 8, 15));
        account.writer.write(c, blob(16), records(8, 10, 16)); // the next hour's blob: read from its start
        expected.append(rows(url).substring(before.length()));
        assertThat(follow.awaitOut(expected.toString()::equals, PATIENCE)).as("third append and a new hour: %s", follow.err()).isTrue();

        assertThat(follow.terminate()).as(follow.err()).isZero();
        assertThat(follow.err()).isEmpty();
        assertThat(follow.out()).isEqualTo(expected.toString());

        String stopped = rows(url);
        account.writer.append(c, blob(15), records(10, 11, 15)); // while nothing follows
        account.writer.append(c, blob(16), records(11, 13, 16));
        String missed = difference(stopped, rows(url));
        NsgflowProcess again = NsgflowProcess.start(args);
        assertThat(again.awaitOut(missed::equals, PATIENCE)).as("after the restart: %s", again.err()).isTrue();
        Thread.sleep(1500); // a few more polls: nothing more may come
        assertThat(again.terminate()).isZero();
        assertThat(again.out()).isEqualTo(missed);
        assertThat(readString(checkpoint)).doesNotContain("sig=");
    }

    @Test
    void followStartsAtTheEndOfABigBlobByReadingOnlyItsLastRecordsAndGoesOnFromThere() {
        BlobContainerClient c = account.writer.container("ckpt-from-end");
        String url = url(c);
        byte[] all = String.join(",", records(0, RECORDS.size(), 15).stream()
                .map(r -> new String(r, StandardCharsets.UTF_8)).toList()).getBytes(StandardCharsets.UTF_8);
        account.writer.write(c, blob(15), Collections.nCopies(100, all)); // some 3 MB, in 100 blocks
        long size = c.getBlobClient(blob(15)).getProperties().getBlobSize();
        Path checkpoint = dir.resolve("follow.ckpt");
        // --until in the past: one poll, then the command ends
        String[] args = {"follow", "-f", "csv", "--no-header", "--until", "2024-05-13T16:00Z", "--checkpoint", checkpoint.toString(), url};

        BlobCliTest.Result[] first = new BlobCliTest.Result[1];
        Cost cost = Cost.of(() -> first[0] = run(args));
        assertThat(first[0].exit()).as(first[0].err()).isZero();
        assertThat(first[0].out()).as("what the blob held at start is skipped").isEmpty();
        assertThat(cost.readBytes()).as("bytes read of a blob of %d", size).isPositive().isLessThan(size / 5);
        assertThat(cost.reads()).as("the head, the window before the end, the records from a start in it").isEqualTo(3);

        String held = rows(url);
        account.writer.append(c, blob(15), records(0, 2, 15));
        BlobCliTest.Result next = run(args);
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(next.err()).isEmpty();
        assertThat(next.out()).as("exactly the appended records' rows").isEqualTo(rows(url).substring(held.length())).isNotEmpty();
    }

    /** The rows {@code flows} prints for the container as it is now. */
    private static String rows(String url) {
        return run("flows", "-f", "csv", "--no-header", url).out();
    }

    /** The lines of {@code now} not in {@code before}, in order: what appends to two blobs added. */
    private static String difference(String before, String now) {
        List<String> old = new ArrayList<>(before.lines().toList());
        StringBuilder out = new StringBuilder();
        for (String line : now.lines().toList()) {
            if (!old.remove(line)) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static void awaitSaved(Path checkpoint, NsgflowProcess follow) throws InterruptedException {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.exists(checkpoint) && follow.isAlive() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(checkpoint).as("follow saved its first poll; stderr: %s", follow.err()).exists();
    }
}
