package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.Main;
import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/** Runs the whole CLI in-process, as a user would, and checks what every hostile input must respect. */
public final class Cli {
    /**
     * A problem line: {@code nsgflow: FILE: WHERE: REASON}, where WHERE locates the problem; a
     * per-input tally of lines not shown; or a command's note about what it left out.
     */
    private static final Pattern PROBLEM_LINE = Pattern.compile(
            "nsgflow: .+?: (open|(line \\d+, )?(byte|character) \\d+|record \\d+( tuple \\d+| at byte \\d+)?): \\S.*"
                    + "|nsgflow: .+: \\d+ more (problems not shown|records skipped for the reasons above)"
                    + "|nsgflow: note: .+");
    private static final JsonFactory JSON = new JsonFactory();

    public record Result(int exit, String out, String err) {
        public List<String> outLines() {
            return out.lines().toList();
        }

        public List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Cli() {
    }

    public static Result run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(stdin), false), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /**
     * What holds for any input, however broken: a documented exit code, no stack trace, one
     * located problem per stderr line, and {@code -f ndjson} output made of whole JSON objects.
     */
    static void assertWellBehaved(Result r) {
        assertThat(r.exit()).as("exit code; stderr:%n%s", r.err()).isIn(0, 1, 3);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        for (String line : r.errLines()) {
            assertThat(line).as("stderr line").matches(PROBLEM_LINE);
        }
        for (String line : r.outLines()) {
            assertWholeObject(line);
        }
    }

    /** Fails unless {@code line} is exactly one complete JSON object. */
    static void assertWholeObject(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            assertThat(p.nextToken()).as("row %s", line).isEqualTo(JsonToken.START_OBJECT);
            p.skipChildren();
            assertThat(p.nextToken()).as("after the row object: %s", line).isNull();
        } catch (IOException e) {
            throw new UncheckedIOException("not a whole JSON row: " + line, e);
        }
    }
}
