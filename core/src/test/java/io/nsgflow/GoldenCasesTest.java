package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden end-to-end cases, kept as data: each folder {@code src/test/resources/cases/<command>/<case>/}
 * holds {@code args} (one argument per line, paths relative to the repository root), optionally
 * {@code stdin}, and the expected {@code stdout}, {@code stderr} (absent: must be empty) and
 * {@code exit}. Each case runs the whole CLI in-process.
 *
 * <p>{@code cases/} reads only files in the repository. {@code shared-cases/} reads the real
 * third-party logs in {@code ../shared/samples}, which a clone does not have: those cases are
 * skipped, with a note, when that folder is absent.
 *
 * <p>Run with {@code -Dnsgflow.updateGolden=true} to rewrite the expected files from what the
 * code does now; {@code git diff} is then the review.
 */
class GoldenCasesTest {
    private static final Path CASES = Path.of("core/src/test/resources/cases");
    private static final Path SHARED_CASES = Path.of("core/src/test/resources/shared-cases");
    private static final boolean UPDATE = Boolean.getBoolean("nsgflow.updateGolden");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        return casesUnder(CASES);
    }

    @TestFactory
    Stream<DynamicTest> sharedCases() throws IOException {
        return SharedSamples.orSkipped(() -> casesUnder(SHARED_CASES));
    }

    private static Stream<DynamicTest> casesUnder(Path root) throws IOException {
        List<Path> dirs;
        try (Stream<Path> found = Files.walk(root)) {
            dirs = found.filter(d -> Files.isRegularFile(d.resolve("args"))).sorted().toList();
        }
        assertThat(dirs).as("golden cases under %s", root.toAbsolutePath()).isNotEmpty();
        return dirs.stream().map(dir -> DynamicTest.dynamicTest(
                root.relativize(dir).toString().replace('\\', '/'), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        String[] args = Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8).toArray(String[]::new);
        Path stdinFile = dir.resolve("stdin");
        byte[] stdin = Files.exists(stdinFile) ? Files.readAllBytes(stdinFile) : new byte[0];
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(stdin), false), args);

        if (UPDATE) {
            write(dir.resolve("stdout"), out.toString());
            write(dir.resolve("exit"), exit + "\n");
            if (err.toString().isEmpty()) {
                Files.deleteIfExists(dir.resolve("stderr"));
            } else {
                write(dir.resolve("stderr"), err.toString());
            }
            return;
        }
        Path stderrFile = dir.resolve("stderr");
        String expectedErr = Files.exists(stderrFile) ? read(stderrFile) : "";
        assertThat(err.toString()).as("stderr of %s", dir).isEqualTo(expectedErr);
        assertThat(out.toString()).as("stdout of %s", dir).isEqualTo(read(dir.resolve("stdout")));
        assertThat(exit).as("exit code of %s; stderr:%n%s", dir, err).isEqualTo(Integer.parseInt(read(dir.resolve("exit")).trim()));
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
