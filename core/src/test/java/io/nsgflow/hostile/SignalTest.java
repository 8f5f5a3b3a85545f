package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.Main;
import io.nsgflow.bench.MemoryPerKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM in the middle of {@code flows}: the row being written is finished and the
 * document closed (a JSON array ends with {@code ]}, NDJSON with a whole line), then the process
 * exits with the signal's code, 130 or 143 (issue 18 item 6). A real process, a real signal.
 */
class SignalTest {
    private static final JsonFactory JSON = new JsonFactory();

    @TempDir
    static Path dir;
    static Path blob;

    /** Enough tuples that writing them takes seconds: the signal comes mid-stream. */
    @BeforeAll
    static void writeBlob() throws IOException {
        blob = dir.resolve("PT1H.json");
        MemoryPerKey.write(blob, 600_000, i -> "1715677210," + MemoryPerKey.address(10, i) + ",20.1.2.3,"
                + (1024 + i % 60_000) + ",443,T,O,A,B,,,,");
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143, json", "INT, 130, json", "TERM, 143, ndjson", "INT, 130, ndjson"})
    void aSignalEndsTheDocumentWholeWithTheSignalsCode(String signal, int code, String format) throws Exception {
        Path out = dir.resolve(signal + "." + format);
        // env resets the signals' handling: a suite started in the background (nohup, `&` in a script)
        // passes SIGINT on as ignored, and the child would then never see the user's Ctrl-C
        Process p = new ProcessBuilder("env", "--default-signal=INT,TERM",
                ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "flows", "-f", format, blob.toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (Files.size(out) < 100_000 && p.isAlive() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("still writing when signalled").isTrue();
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();

        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isEqualTo(code);
        String text = Files.readString(out);
        if (format.equals("json")) {
            assertThat(wholeDocument(text)).as("one whole JSON document").isTrue();
        } else {
            assertThat(text).endsWith("\n");
            List<String> lines = text.lines().toList();
            assertThat(lines).hasSizeGreaterThan(1);
            lines.forEach(Cli::assertWholeObject);
        }
    }

    /** True when {@code text} is exactly one JSON value, complete. */
    private static boolean wholeDocument(String text) throws IOException {
        try (JsonParser parser = JSON.createParser(text)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            parser.skipChildren();
            return parser.nextToken() == null;
        }
    }
}
