package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.model.LogFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Memory stays bounded whatever the input's size: a generated 1 GB single-line NSG v2 blob (the
 * shape Azure writes, one line) is read by the real CLI in a child JVM limited to 256 MB of heap.
 * Prints the child's peak resident set size (VmHWM). Slow: run with {@code mvn verify -Pslow}.
 */
@Tag("slow")
class BoundedMemoryTest {
    private static final long TARGET_BYTES = 1L << 30;
    /** Distinct records the blob repeats: 40 000 distinct connections. */
    private static final int POOL = 400;

    @TempDir
    static Path dir;
    static Path blob;

    /**
     * Writes the blob from a pool of distinct records, repeated, each holding whole connections
     * ({@code B}, {@code C} and {@code E} tuples of one 5-tuple, in order), as real blobs do. Real
     * blobs repeat their addresses; a billion bytes of distinct random addresses or of endless
     * orphan {@code E} tuples would measure what the reports hold per distinct key, not the reading.
     */
    @BeforeAll
    static void writeBlob() throws IOException {
        blob = dir.resolve("PT1H.json");
        Random random = new Random(1);
        List<byte[]> pool = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            pool.add(record(random, i).getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(blob), 1 << 20)) {
            out.write("{\"records\":[".getBytes(StandardCharsets.US_ASCII));
            long written = 12;
            for (int rec = 0; written < TARGET_BYTES; rec++) {
                byte[] record = pool.get(rec % POOL);
                if (rec > 0) {
                    out.write(',');
                }
                out.write(record);
                written += record.length + 1;
            }
            out.write("]}".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** One NSG v2 record of 100 connections: begin, continuing and end tuples when allowed, begin when denied. */
    private static String record(Random random, int index) {
        StringBuilder tuples = new StringBuilder();
        for (int c = 0; c < 100; c++) {
            String[] f = GeneratedLog.tuple(random, LogFormat.NSG_V2).text().split(",", -1);
            String key = String.join(",", Arrays.copyOf(f, 8));
            long t = Long.parseLong(f[0]);
            tuples.append(c == 0 ? "" : ",").append('"').append(key).append(",B,,,,\"");
            if (f[7].equals("A")) { // a denied connection never continues
                tuples.append(",\"").append(key.replaceFirst("^\\d+", Long.toString(t + 60))).append(",C,12,3400,10,5600\"");
                tuples.append(",\"").append(key.replaceFirst("^\\d+", Long.toString(t + 120))).append(",E,3,400,2,300\"");
            }
        }
        return "{\"time\":\"2024-05-14T09:%02d:00.0000000Z\",\"macAddress\":\"000D3AF87856\",".formatted(index % 60)
                + "\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"/SUBSCRIPTIONS/11111111-2222-3333-4444-"
                + "555555555555/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG\","
                + "\"operationName\":\"NetworkSecurityGroupFlowEvents\",\"properties\":{\"Version\":2,\"flows\":["
                + "{\"rule\":\"UserRule_r%d\",\"flows\":[{\"mac\":\"000D3AF87856\",\"flowTuples\":[".formatted(index % 7)
                + tuples + "]}]}]}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"flows -f ndjson", "summary", "top --by src", "top --by pair --limit 0"})
    void readsAGigabyteIn256MegabytesOfHeap(String command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.nsgflow.Main"));
        cmd.addAll(List.of(command.split(" ")));
        cmd.add(blob.toString());
        Path err = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(cmd)
                .redirectOutput(command.startsWith("flows") ? ProcessBuilder.Redirect.DISCARD
                        : ProcessBuilder.Redirect.to(dir.resolve("stdout.txt").toFile()))
                .redirectError(err.toFile())
                .start();
        long peakKb = peakRssKb(child);
        System.out.printf("%s on %d MB: exit %d, peak RSS %d MB%n", command, Files.size(blob) >> 20, child.exitValue(), peakKb >> 10);
        assertThat(child.exitValue()).as("stderr: %s", Files.readString(err)).isEqualTo(0);
        assertThat(Files.readString(err)).isEmpty();
    }

    /** Waits for {@code child} to end, and gives its peak resident set size (VmHWM) in KB, as polled. */
    static long peakRssKb(Process child) throws InterruptedException {
        Path status = Path.of("/proc", Long.toString(child.pid()), "status");
        long peakKb = 0;
        while (!child.waitFor(200, TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, vmHwmKb(status));
        }
        return peakKb;
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the child ended between two polls
        }
        return 0;
    }
}
