package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.Main;
import io.nsgflow.bench.MemoryPerKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C and SIGTERM in the middle of {@code flows}: the row being written is finished and the
 * document closed (a JSON array ends with {@code ]}, NDJSON with a whole line), then the process
 * exits with the signal's code, 130 or 143 (issue 18 item 6); in the middle of {@code report}'s
 * read, no page is written. A real process, a real signal.
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

    /**
     * A signal while {@code report} reads: no page (its numbers would be partial), no temporary
     * file beside the target, the signal's code, and a line that says so. The input comes through a
     * pipe, so that the signal surely comes mid-read: once 5 MB of it have been taken.
     */
    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalWhileTheReportReadsLeavesNoPageAndNoTemporaryFile(String signal, int code) throws Exception {
        Path pages = Files.createDirectories(dir.resolve("pages-" + signal));
        Path page = pages.resolve("report.html");
        Path err = dir.resolve("report-" + signal + ".err");
        Process p = new ProcessBuilder("env", "--default-signal=INT,TERM",
                ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "report", "-o", page.toString())
                .redirectError(err.toFile()).start();
        AtomicLong fed = new AtomicLong();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = p.getOutputStream(); InputStream from = Files.newInputStream(blob)) {
                byte[] chunk = new byte[1 << 16];
                for (int n; (n = from.read(chunk)) > 0; fed.addAndGet(n)) {
                    in.write(chunk, 0, n);
                }
            } catch (IOException ended) {
                // the process ended and closed its side of the pipe: that is the point
            }
        });
        feeder.start();
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (fed.get() < 5 << 20 && p.isAlive() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(p.isAlive()).as("still reading when signalled").isTrue();
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();

        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        feeder.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(fed.get()).as("stopped before the whole input was fed").isLessThan(Files.size(blob));
        assertThat(p.exitValue()).isEqualTo(code);
        try (Stream<Path> left = Files.list(pages)) {
            assertThat(left).as("no page, no temporary file").isEmpty();
        }
        assertThat(Files.readString(err)).contains("no page written");
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
