package io.nsgflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.hostile.Cli;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 #11 and #12: a file reached twice is read once, by its identity on disk, and said so;
 * a named pipe named on the command line is read, one met while walking a folder is skipped
 * with a message. Issue 9 #12: --quiet silences the warning, never a problem.
 */
class InputIdentityTest {
    private static final Path BLOB = Path.of("samples/nsg-v2-PT1H.json");

    @TempDir
    Path dir;

    @Test
    void theSameFileTwiceALinkToItAndItsFolderAreReadOnce() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("hour"));
        Path file = Files.copy(BLOB, folder.resolve("PT1H.json"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), file);
        Cli.Result once = Cli.run(new byte[0], "top", "--by", "src", "-f", "ndjson", file.toString());

        Cli.Result many = Cli.run(new byte[0], "top", "--by", "src", "-f", "ndjson", file.toString(), file.toString(), link.toString(),
                folder.toString());

        assertThat(many.exit()).as(many.err()).isZero();
        assertThat(many.out()).isEqualTo(once.out());
        String warning = ": warning: the same file as " + file + " (named twice, a link to it, or inside a folder also named); read once";
        assertThat(many.errLines()).containsExactly("nsgflow: " + file + warning, "nsgflow: " + link + warning,
                "nsgflow: " + file + warning);

        Cli.Result quiet = Cli.run(new byte[0], "summary", "-q", "-f", "ndjson", file.toString(), link.toString());
        Cli.Result summary = Cli.run(new byte[0], "summary", "-f", "ndjson", file.toString());
        assertThat(summary.err()).as("a note without --quiet").startsWith("nsgflow: note: 8 version-1 tuples have no packet or byte counters");
        assertThat(quiet.err()).as("--quiet silences warnings and notes").isEmpty();
        assertThat(quiet.out()).isEqualTo(summary.out());
    }

    @Test
    void quietNeverSilencesAProblem() throws IOException {
        Path cut = Files.write(dir.resolve("cut.json"), Files.readAllBytes(BLOB), java.nio.file.StandardOpenOption.CREATE);
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(BLOB), 3000));

        Cli.Result r = Cli.run(new byte[0], "summary", "-q", "-f", "ndjson", cut.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("input ends inside record");
    }

    @Test
    void aNamedPipeNamedOnTheCommandLineIsReadAndOneInAFolderIsSkippedWithAMessage() throws Exception {
        Path fifo = dir.resolve("PT1H.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(Files.readAllBytes(BLOB));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        Cli.Result piped = Cli.run(new byte[0], "summary", "-f", "ndjson", fifo.toString());
        writer.get(30, TimeUnit.SECONDS);

        assertThat(piped.exit()).as(piped.err()).isZero();
        assertThat(piped.out()).isEqualTo(Cli.run(new byte[0], "summary", "-f", "ndjson", BLOB.toString()).out());

        Files.copy(BLOB, dir.resolve("good.json"));
        Cli.Result walked = Cli.run(new byte[0], "summary", "-q", "-f", "ndjson", dir.toString());
        assertThat(walked.exit()).isEqualTo(1);
        assertThat(walked.errLines()).containsExactly("nsgflow: " + fifo + ": open: not a regular file (a named pipe or device);"
                + " skipped in a folder, read only when named on the command line");
    }
}
