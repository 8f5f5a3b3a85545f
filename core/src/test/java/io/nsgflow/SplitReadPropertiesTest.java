package io.nsgflow;

import io.nsgflow.hostile.GeneratedLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Issue 16: random blobs (compact or pretty-printed envelopes of every log version), often
 * damaged (cut short, a span overwritten with JSON debris, records one per line after the
 * envelope), cut into ranges of random length and read at 2 or 4 threads: stdout, stderr and the
 * exit code are those of one thread reading the file whole.
 */
class SplitReadPropertiesTest {
    /** What may be written over a span of the blob: each makes the JSON bad in its own way. */
    private static final String[] DEBRIS = {"\"", "}", "]}", ",{\"time\":", "{\"time\":\"x\"}", "\"BROKEN", "\n", "nul"};

    @Property(tries = 40)
    void aBlobReadInRangesGivesTheWholeAnswer(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        byte[] blob = blob(random);
        Path file = Files.createTempFile("nsgflow-split", "-PT1H.json");
        try {
            Files.write(file, blob);
            long rangeBytes = 40 + random.nextInt(Math.max(1, blob.length / 3));
            int threads = random.nextBoolean() ? 2 : 4;
            for (String report : new String[] {"summary -f json", "top --by pair --limit 0 -f csv", "rules -f tsv"}) {
                SplitReadTest.Result one = SplitReadTest.run(report, 1, 0, file);
                SplitReadTest.assertSame(one, report, file, threads, rangeBytes);
            }
        } finally {
            Files.delete(file);
        }
    }

    /** A random blob, often damaged: also what {@link FlowsWrittenAsideTest} reads. */
    static byte[] blob(Random random) throws IOException {
        GeneratedLog.Shape shape = random.nextBoolean() ? GeneratedLog.Shape.ENVELOPE : GeneratedLog.Shape.PRETTY_ENVELOPE;
        byte[] envelope = GeneratedLog.bytes(GeneratedLog.records(random, 5 + random.nextInt(40), 1 + random.nextInt(4)), shape);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(envelope);
        if (random.nextInt(4) == 0) { // records one per line after the envelope, as a careless concatenation leaves them
            out.write('\n');
            out.write(GeneratedLog.bytes(GeneratedLog.records(random, 1 + random.nextInt(6), 2), GeneratedLog.Shape.RECORD_PER_LINE));
        }
        byte[] bytes = out.toByteArray();
        for (int d = random.nextInt(3); d > 0; d--) { // debris over random spans
            byte[] debris = DEBRIS[random.nextInt(DEBRIS.length)].getBytes(StandardCharsets.UTF_8);
            int at = random.nextInt(bytes.length);
            System.arraycopy(debris, 0, bytes, at, Math.min(debris.length, bytes.length - at));
        }
        if (random.nextInt(3) == 0) { // cut short
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        return bytes;
    }
}
