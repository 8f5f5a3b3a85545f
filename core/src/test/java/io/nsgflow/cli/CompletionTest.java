package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code nsgflow completion}: the script picocli generates, loaded into a real bash and asked to complete. */
class CompletionTest {
    @TempDir
    static Path dir;
    static Path script;

    @BeforeAll
    static void writeScript() throws IOException {
        script = dir.resolve("nsgflow-completion.bash");
        Files.writeString(script, run("completion", "bash"));
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }

    /** What bash offers for the words of {@code line} (the last one being completed), as the TAB key asks it. */
    private static String complete(String line) throws IOException, InterruptedException {
        String program = "source \"$1\"\n"
                + "spec=\"$(complete -p nsgflow)\" || exit 3\n"       // the script registered itself for nsgflow
                + "function=\"${spec##*-F }\"; function=\"${function%% *}\"\n"
                + "COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}\n"
                + "read -r -a COMP_WORDS <<< \"$2\"\n"
                + "[ \"${2: -1}\" = ' ' ] && COMP_WORDS+=('')\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "\"$function\" nsgflow \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", program, "bash", script.toString(), line)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as("bash exit for '%s'", line).isZero();
        return out.strip();
    }

    @Test
    void completesTheCommandName() throws Exception {
        assertThat(complete("nsgflow to")).isEqualTo("top");
        assertThat(complete("nsgflow co").lines()).containsExactlyInAnyOrder("conversations", "completion");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nsgflow top --by src-c|src-class,src-country",
        "nsgflow top --metric b|bytes",
        "nsgflow timeline --metric d|denied",
        "nsgflow flows -f nd|ndjson",
        "nsgflow summary --format p|parquet",
        "nsgflow flows --action d|deny",
        "nsgflow flows --direction o|out",
        "nsgflow flows --state c|continuing",
        "nsgflow flows --encryption un|unencrypted",
        "nsgflow completion z|zsh",
        "nsgflow top --me|--metric"})
    void completesOptionsAndTheirFixedValues(String line, String expected) throws Exception {
        assertThat(complete(line).lines()).containsExactlyInAnyOrderElementsOf(List.of(expected.split(",")));
    }

    @Test
    void zshGetsTheScriptThatLoadsBashcompinitItself() {
        String zsh = run("completion", "zsh");
        assertThat(zsh).isEqualTo(run("completion", "bash")).contains("bashcompinit");
    }

    @Test
    void anUnknownShellIsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), "completion", "fish");
        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("fish");
    }
}
