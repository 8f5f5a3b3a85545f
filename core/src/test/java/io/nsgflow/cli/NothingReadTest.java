package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing read is not success: one stderr line naming the path and what was there, nothing on stdout, exit 3. */
class NothingReadTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Terminal terminal, StringWriter out, StringWriter err, String... args) {
        int exit = Main.run(terminal, args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return run(new Terminal(out, err, InputStream.nullInputStream(), false), out, err, args);
    }

    private static void assertNothingRead(Result r, String line) {
        assertThat(r.out()).isEmpty();
        assertThat(r.exit()).isEqualTo(ExitCode.NOTHING_READ);
        assertThat(r.err().lines().toList()).containsExactly(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary", "flows", "top --by src", "rules", "timeline", "conversations", "summary -f json", "flows -f csv"})
    void anEmptyFolderSaysSoAndPrintsNothing(String command) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result r = run((command + " " + empty).split(" "));
        assertNothingRead(r, "nsgflow: " + empty + ": open: no flow-log files in this folder (names ending .json, .json.gz, "
                + ".jsonl, .ndjson, .log, .gz); it is empty");
    }

    @Test
    void aFolderOfOtherFilesSaysHowManyItHolds() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Files.writeString(dir.resolve("export.csv"), "a,b");
        Result r = run("summary", dir.toString());
        assertNothingRead(r, "nsgflow: " + dir + ": open: no flow-log files in this folder (names ending .json, .json.gz, "
                + ".jsonl, .ndjson, .log, .gz); 2 other files");
    }

    @Test
    void aMissingPathPrintsNoAllZeroSummary() {
        Result r = run("summary", dir.resolve("missing").toString());
        assertNothingRead(r, "nsgflow: " + dir.resolve("missing") + ": open: no such file or directory");
    }

    @Test
    void aBlobWithoutRecordsSaysNoRecordWasFound() throws IOException {
        Path blob = Files.writeString(dir.resolve("PT1H.json"), "{\"records\":[]}");
        Result r = run("summary", blob.toString());
        assertNothingRead(r, "nsgflow: " + blob + ": not one flow-log record found (nothing to report)");
    }

    @Test
    void otherCategoriesOnlyWriteNothingToStdout() {
        Result r = run("flows", "-f", "csv", "core/src/test/resources/bad-input/app-gateway-access-log.json");
        assertNothingRead(r, "nsgflow: core/src/test/resources/bad-input/app-gateway-access-log.json: record 0: not a flow log: "
                + "category 'ApplicationGatewayAccessLog' is an Application Gateway access log; skipped");
    }

    @Test
    void noPathWhileStdinIsATerminalSaysHowToGiveInput() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false, () -> 0, true, false);
        Result r = run(terminal, out, err, "summary");
        assertThat(r.err().lines().toList()).first().isEqualTo("nsgflow: reading flow-log JSON from standard input; end it "
                + "with Ctrl-D, or give a file or folder: nsgflow summary PATH (see --help)");
    }

    @Test
    void noPathWhileStdinIsATerminalStaysSilentUnderQuiet() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false, () -> 0, true, false);
        Result r = run(terminal, out, err, "summary", "--quiet");
        assertThat(r.err()).doesNotContain("Ctrl-D");
    }

    @Test
    void noPathWhileStdinIsAPipeReadsItWithoutANote() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        byte[] blob = "{\"records\":[]}".getBytes(StandardCharsets.UTF_8);
        Result r = run(new Terminal(out, err, new ByteArrayInputStream(blob), false), out, err, "summary");
        assertThat(r.err()).doesNotContain("Ctrl-D");
    }
}
