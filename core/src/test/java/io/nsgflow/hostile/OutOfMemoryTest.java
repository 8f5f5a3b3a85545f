package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import io.nsgflow.bench.MemoryPerKey;
import io.nsgflow.cli.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past the heap, one clear line and exit 5, never an {@code OutOfMemoryError}'s trace and exit 1
 * (issue 18 item 1): the real CLI in a child JVM with a 32 MB heap, on more connections that
 * never close than that heap holds.
 */
class OutOfMemoryTest {
    /** About 63 bytes each in summary's open-connection set, besides the tallies of their two addresses (about 360 bytes in all): several times 32 MB. */
    private static final int OPEN_CONNECTIONS = 600_000;

    @Test
    void aFullHeapIsOneLineWithTheKeysHeldAndExitFive(@TempDir Path dir) throws Exception {
        Path blob = dir.resolve("PT1H.json");
        MemoryPerKey.write(blob, OPEN_CONNECTIONS, i -> "1715677210," + MemoryPerKey.address(10, i) + ","
                + MemoryPerKey.address(20, i) + "," + (1024 + i % 60_000) + ",443,T,O,A,B,,,,"); // connections that never close
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx32m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "summary", blob.toString()));
        Process p = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        List<String> err = Files.readAllLines(dir.resolve("err"), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as("stderr: %s", err).isEqualTo(ExitCode.OUT_OF_MEMORY);
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("nsgflow: out of memory: the Java heap (")
                .containsPattern("holding [0-9,]+ distinct keys").contains("-Xmx").contains("narrow the input");
        assertThat(Files.size(dir.resolve("out"))).isZero();
    }
}
