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

    @TempDir
    static Path dir;
    static Path blob;

    @BeforeAll
    static void writeBlob() throws IOException {
        blob = dir.resolve("PT1H.json");
        Random random = new Random(1);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(blob), 1 << 20)) {
            out.write("{\"records\":[".getBytes(StandardCharsets.US_ASCII));
            long written = 12;
            for (int rec = 0; written < TARGET_BYTES; rec++) {
                List<GeneratedLog.Record> one = GeneratedLog.records(random, 1, 400, LogFormat.NSG_V2);
                byte[] record = GeneratedLog.bytes(one, GeneratedLog.Shape.RECORD_PER_LINE);
                if (rec > 0) {
                    out.write(',');
                }
                out.write(record, 0, record.length - 1); // without its newline: the blob is one line
                written += record.length;
            }
            out.write("]}".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"flows -f ndjson", "summary", "top"})
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
        Path status = Path.of("/proc", Long.toString(child.pid()), "status");
        long peakKb = 0;
        while (!child.waitFor(200, TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, vmHwmKb(status));
        }
        System.out.printf("%s on %d MB: exit %d, peak RSS %d MB%n", command, Files.size(blob) >> 20, child.exitValue(), peakKb >> 10);
        assertThat(child.exitValue()).as("stderr: %s", Files.readString(err)).isEqualTo(0);
        assertThat(Files.readString(err)).isEmpty();
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
