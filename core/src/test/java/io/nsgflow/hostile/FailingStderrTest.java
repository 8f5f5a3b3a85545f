package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stderr that cannot be written (closed, full, a reader gone) never stops or changes the data
 * on stdout, and the exit code is the one the input earns (issue 18 item 3).
 */
class FailingStderrTest {
    /** Every write fails, as on a closed stderr or {@code 2>/dev/full}. */
    private static final class FailingWriter extends Writer {
        @Override
        public void write(char[] text, int offset, int length) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void close() {
        }
    }

    /** Records with a bad tuple every seventh, so that diagnostics are written all along the read. */
    static Path blobWithProblems(Path dir) throws IOException {
        StringBuilder json = new StringBuilder("{\"records\":[");
        for (int r = 0; r < 30; r++) {
            json.append(r == 0 ? "" : ",").append("{\"time\":\"2024-05-14T09:00:35Z\",\"macAddress\":\"000D3AF87856\",")
                    .append("\"category\":\"NetworkSecurityGroupFlowEvent\",\"resourceId\":\"/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/")
                    .append("PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG\",\"properties\":{\"Version\":2,\"flows\":[")
                    .append("{\"rule\":\"R\",\"flows\":[{\"mac\":\"000D3AF87856\",\"flowTuples\":[");
            for (int i = 0; i < 500; i++) {
                json.append(i == 0 ? "" : ",").append('"')
                        .append(i % 7 == 0 ? "garbage,tuple" : "17156772" + (10 + i % 80) + ",10.0." + r + "." + i % 250
                                + ",20.1.2.3," + (1000 + i) + ",443,T,O,A,B,,,,")
                        .append('"');
            }
            json.append("]}]}]}}");
        }
        Path blob = dir.resolve("PT1H.json");
        Files.writeString(blob, json.append("]}"));
        return blob;
    }

    @Test
    void aFailingStderrLeavesTheRowsAndTheExitCodeAsTheyAre(@TempDir Path dir) throws IOException {
        Path blob = blobWithProblems(dir);
        StringWriter expected = new StringWriter();
        int expectedExit = Main.run(new Terminal(expected, new StringWriter(), new ByteArrayInputStream(new byte[0]), false),
                "flows", "-f", "csv", blob.toString());
        StringWriter out = new StringWriter();

        int exit = Main.run(new Terminal(out, new FailingWriter(), new ByteArrayInputStream(new byte[0]), false),
                "flows", "-f", "csv", blob.toString());

        assertThat(expectedExit).isEqualTo(1);
        assertThat(expected.toString().lines()).hasSize(1 + 30 * (500 - 72));
        assertThat(exit).isEqualTo(expectedExit);
        assertThat(out.toString()).isEqualTo(expected.toString());
    }

    @Test
    void stderrOnDevFullLeavesTheRowsOfARealProcessWhole(@TempDir Path dir) throws Exception {
        Path blob = blobWithProblems(dir);
        Path rows = dir.resolve("rows.csv");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "flows", "-f", "csv", blob.toString()));
        Process p = new ProcessBuilder(command).redirectOutput(rows.toFile()).redirectError(new File("/dev/full")).start();

        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(Files.readAllLines(rows, StandardCharsets.UTF_8)).hasSize(1 + 30 * (500 - 72));
    }
}
