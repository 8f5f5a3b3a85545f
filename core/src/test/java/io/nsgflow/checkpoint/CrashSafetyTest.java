package io.nsgflow.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarantee of {@code --checkpoint}, under SIGKILL at random points: no tuple is lost, and a
 * tuple is printed more than once only by a run that was killed (between writing its output and
 * saving its checkpoint, or before it could). Runs alternate with appends, some leaving a record
 * half written.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void killedRunsLoseNothingAndRepeatOnlyWhatTheyPrinted() throws InterruptedException {
        killedRuns(12, 1);
    }

    @Test
    @Tag("slow")
    void soak() throws InterruptedException {
        killedRuns(150, 2);
    }

    private void killedRuns(int runs, long seed) throws InterruptedException {
        Random random = new Random(seed);
        // records repeat from the sample, so the blob grows past what a run prints in its first moments
        GrowingBlob blob = new GrowingBlob(dir.resolve("PT1H.json"), GrowingBlob.NSG_V2);
        Path checkpoint = dir.resolve("crash.ckpt");
        Map<String, Integer> printed = new HashMap<>();
        Map<String, Integer> printedByKilled = new HashMap<>();
        int killed = 0;
        long runMillis = 1500; // how long a run that is not killed took, so that kills land within a run on any machine
        for (int run = 0; run <= runs; run++) {
            int records = 20 + random.nextInt(200);
            if (random.nextInt(3) == 0) {
                blob.appendCut(records, 1 + random.nextInt(400));
            } else {
                blob.append(records);
            }
            NsgflowProcess p = NsgflowProcess.start("flows", "-f", "csv", "--no-header", "--checkpoint", checkpoint.toString(),
                    blob.path().toString());
            long started = System.nanoTime();
            boolean kill = run < runs && random.nextBoolean();
            if (kill) {
                Thread.sleep(random.nextInt((int) Math.max(50, runMillis)));
                p.kill();
            }
            int exit = p.waitFor();
            if (!kill) {
                runMillis = (System.nanoTime() - started) / 1_000_000;
            }
            String lines = p.completeLines();
            if (kill && exit != 0) {
                killed++;
                count(lines, printedByKilled);
            } else {
                assertThat(exit).as("run %d (seed %d): %s", run, seed, p.err()).isZero();
            }
            count(lines, printed);
        }
        blob.append(0);
        Map<String, Integer> whole = new HashMap<>();
        count(IncrementalRunsTest.run("flows", "-f", "csv", "--no-header", blob.path().toString()).out(), whole);
        assertThat(killed).as("runs killed").isPositive();
        for (Map.Entry<String, Integer> e : whole.entrySet()) {
            int times = printed.getOrDefault(e.getKey(), 0);
            assertThat(times).as("lost: %s", e.getKey()).isGreaterThanOrEqualTo(e.getValue());
            assertThat(times - e.getValue()).as("repeated by a run that finished: %s", e.getKey())
                    .isLessThanOrEqualTo(printedByKilled.getOrDefault(e.getKey(), 0));
        }
        assertThat(printed.keySet()).isEqualTo(whole.keySet());
    }

    private static void count(String lines, Map<String, Integer> into) {
        lines.lines().forEach(l -> into.merge(l, 1, Integer::sum));
    }
}
