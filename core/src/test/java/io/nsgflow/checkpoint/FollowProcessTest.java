package io.nsgflow.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code follow} as a user runs it: a real process, real appends, a real SIGTERM, a restart. */
class FollowProcessTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** The rows {@code flows} prints for the file as it is now. */
    private static String rows(GrowingBlob blob) {
        return IncrementalRunsTest.run("flows", "-f", "csv", "--no-header", blob.path().toString()).out();
    }

    @Test
    void printsExactlyTheNewRowsAndResumesAfterSigtermWithoutRepeats() throws IOException, InterruptedException {
        Path logs = Files.createDirectories(dir.resolve("logs/h=09"));
        GrowingBlob first = new GrowingBlob(logs.resolve("PT1H.json"), GrowingBlob.NSG_V2).append(3);
        Path checkpoint = dir.resolve("follow.ckpt");
        String[] args = {"follow", "-f", "csv", "--no-header", "--interval", "200ms", "--checkpoint", checkpoint.toString(),
            dir.resolve("logs").toString()};

        NsgflowProcess follow = NsgflowProcess.start(args);
        awaitSaved(checkpoint, follow);
        String existing = rows(first); // already there at start: skipped, as tail -f skips what a file holds
        StringBuilder expected = new StringBuilder();

        first.append(2);
        expected.append(rows(first).substring(existing.length()));
        assertThat(follow.awaitOut(expected.toString()::equals, PATIENCE)).as("first append; stdout:%n%s%nstderr:%n%s",
                follow.out(), follow.err()).isTrue();

        String before = rows(first);
        first.appendCut(4, 150); // the fifth record is still being written: not printed yet
        expected.append(rows(first).substring(before.length()));
        assertThat(follow.awaitOut(expected.toString()::equals, PATIENCE)).as("second append").isTrue();

        before = rows(first);
        first.append(1); // completes the record that was being written, and adds one
        GrowingBlob next = new GrowingBlob(Files.createDirectories(dir.resolve("logs/h=10")).resolve("PT1H.json"),
                GrowingBlob.NSG_V2).append(2); // the next hour's blob: read from its start
        expected.append(rows(first).substring(before.length())).append(rows(next));
        assertThat(follow.awaitOut(expected.toString()::equals, PATIENCE)).as("third append and a new hour").isTrue();

        assertThat(follow.terminate()).as(follow.err()).isZero();
        assertThat(follow.err()).isEmpty();
        assertThat(follow.out()).isEqualTo(expected.toString());

        before = rows(first);
        String nextBefore = rows(next);
        first.append(3); // while nothing follows
        next.append(2);
        String missed = rows(first).substring(before.length()) + rows(next).substring(nextBefore.length());
        NsgflowProcess again = NsgflowProcess.start(args);
        assertThat(again.awaitOut(missed::equals, PATIENCE)).as("after the restart: %s", again.err()).isTrue();
        Thread.sleep(1000); // a few more polls: nothing more may come
        assertThat(again.terminate()).isZero();
        assertThat(again.out()).isEqualTo(missed);
    }

    @Test
    void startsAtTheEndOfABigFileWithoutReadingItsStart() throws IOException, InterruptedException {
        // some 1.5 MB; only its first record is damaged, which reading it would say on stderr
        List<String> records = new ArrayList<>();
        for (int i = 0; records.size() < 2_100; i++) {
            records.add(GrowingBlob.NSG_V2.get(i % GrowingBlob.NSG_V2.size()));
        }
        records.set(0, records.get(0).replace("198.51.100.23,", "198.51.100.923,"));
        GrowingBlob blob = new GrowingBlob(dir.resolve("PT1H.json"), records).append(2_000);
        assertThat(Files.size(blob.path())).isGreaterThan(1 << 20);
        Path checkpoint = dir.resolve("follow.ckpt");
        NsgflowProcess follow = NsgflowProcess.start("follow", "-f", "csv", "--no-header", "--interval", "200ms",
                "--checkpoint", checkpoint.toString(), blob.path().toString());
        awaitSaved(checkpoint, follow);
        String existing = rows(blob);

        blob.append(3);
        String expected = rows(blob).substring(existing.length());
        assertThat(follow.awaitOut(expected::equals, PATIENCE)).as("the append; stdout:%n%s%nstderr:%n%s",
                follow.out(), follow.err()).isTrue();
        assertThat(follow.terminate()).as(follow.err()).isZero();
        assertThat(follow.err()).as("the damaged first record was never read").isEmpty();
        assertThat(follow.out()).isEqualTo(expected);
    }

    /** Waits for the first poll's checkpoint: from then on, appends are new. */
    private static void awaitSaved(Path checkpoint, NsgflowProcess follow) throws InterruptedException {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (!Files.exists(checkpoint) && follow.isAlive() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(checkpoint).as("follow saved its first poll; stderr: %s", follow.err()).exists();
    }
}
