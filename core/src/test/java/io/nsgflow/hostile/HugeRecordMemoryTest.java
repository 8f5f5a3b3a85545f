package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GB blob that is one record (17.8 million tuples) is read within 300 MB of resident memory
 * (issue 18 item 2), by the real CLI in a child JVM, with the launcher's options
 * ({@code bin/jvm.options}: the JVM's default heap) and with a 256 MB heap; held whole, as before,
 * it needed about 7 GB. Prints the child's peak RSS. Slow: run with {@code mvn verify -Pslow}.
 */
@Tag("slow")
class HugeRecordMemoryTest {
    /** About 60.5 bytes a tuple: a record of 1.08 GB. */
    private static final int TUPLES = 17_800_000;
    private static final long RSS_LIMIT_KB = 300 << 10;

    @TempDir
    static Path dir;
    static Path blob;

    @BeforeAll
    static void writeBlob() throws IOException {
        blob = GeneratedLog.connections(dir.resolve("PT1H.json"), TUPLES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-Xmx256m"})
    void aGigabyteRecordIsReadWithin300MegabytesOfMemory(String heap) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Arrays.asList(Files.readString(Path.of("bin/jvm.options")).trim().split("\\s+")));
        if (!heap.isEmpty()) {
            cmd.add(heap);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.nsgflow.Main", "summary", "-f", "json", blob.toString()));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process child = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long peakKb = BoundedMemoryTest.peakRssKb(child);
        System.out.printf("one record of %d MB, heap %s: exit %d, peak RSS %d MB%n", Files.size(blob) >> 20,
                heap.isEmpty() ? "default" : heap, child.exitValue(), peakKb >> 10);

        assertThat(child.exitValue()).as("stderr: %s", Files.readString(err)).isZero();
        assertThat(Files.readString(err)).isEmpty();
        assertThat(Files.readString(out)).contains("\"tuples\":" + TUPLES);
        assertThat(peakKb).isLessThan(RSS_LIMIT_KB);
    }
}
