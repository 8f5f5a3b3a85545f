package io.nsgflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File names with any bytes are read under any locale (issue 18 item 4): {@code café.json} under
 * {@code LANG=C}, where the JDK's file-name charset is ASCII, and a name that is not UTF-8 at all,
 * given on the command line (a real process, its arguments written as bytes by the shell) or found
 * in a folder.
 */
class FileNameLocaleTest {
    private static final Path SAMPLE = Path.of("samples/nsg-v1-PT1H.json");

    private record Run(int exit, String out, String err) {
    }

    /** nsgflow in a JVM started by {@code sh} under {@code locale}, with {@code args} as the shell spells them ({@code printf} escapes). */
    private static Run run(Path dir, String locale, String args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String script = "exec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' "
                + Main.class.getName() + " summary -f csv --table overview " + args;
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("LANG", locale);
        pb.environment().put("LC_ALL", locale);
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    /** Copies the sample to names {@code café.json} and {@code bad<E9>.json} (Latin-1 é: not UTF-8), by the shell. */
    private static void copies(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("logs"));
        String sample = SAMPLE.toAbsolutePath().toString();
        Process p = new ProcessBuilder("sh", "-c", "cp '" + sample + "' \"logs/$(printf 'caf\\303\\251.json')\" && cp '" + sample
                + "' \"logs/$(printf 'bad\\351.json')\"").directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "POSIX", "xx_YY.UTF-8", "C.UTF-8"})
    void namesWithAnyBytesAreReadUnderAnyLocale(String locale, @TempDir Path dir) throws Exception {
        copies(dir);

        Run named = run(dir, locale, "\"logs/$(printf 'caf\\303\\251.json')\" \"logs/$(printf 'bad\\351.json')\"");
        Run walked = run(dir, locale, "logs");

        for (Run r : List.of(named, walked)) {
            assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
            assertThat(r.err().lines().filter(l -> !l.startsWith("nsgflow: note: "))).isEmpty(); // the sample is version 1: its note is not about names
            assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).startsWith("2,0,"); // two inputs, none unreadable
        }
    }

    @Test
    void aMissingNameIsShownWithItsOddByteEscaped(@TempDir Path dir) throws Exception {
        Run r = run(dir, "C", "\"$(printf 'gone\\351.json')\" \"$(printf 'caf\\303\\251-gone.json')\"");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines()).containsExactly("nsgflow: gone\\xe9.json: open: no such file or directory",
                "nsgflow: café-gone.json: open: no such file or directory");
    }

    @Test
    void anyBytesSurviveTheTripThroughText() {
        Random random = new Random(18);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(12)];
            random.nextBytes(bytes);
            assertThat(LocalPaths.encode(LocalPaths.decode(bytes))).isEqualTo(bytes);
        }
        assertThat(LocalPaths.decode("café".getBytes(StandardCharsets.UTF_8))).isEqualTo("café");
    }
}
