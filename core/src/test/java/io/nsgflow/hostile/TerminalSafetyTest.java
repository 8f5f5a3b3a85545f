package io.nsgflow.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.format.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strings from the input (rule names, NSG names, MACs, file names, quoted tuples) can carry
 * control characters and ANSI escape sequences. On a terminal they must show as visible escapes;
 * in JSON they must be valid escapes that give the original text back.
 */
class TerminalSafetyTest {
    /** Its rule name clears the screen, retitles the window, rings the bell and breaks the line. */
    private static final Path ANSI = Path.of("core/src/test/resources/bad-input/rule-name-with-ansi-escape.json");
    private static final String RULE = "UserRule_\u001b[2J\u001b]0;pwned\u0007evil\nline";

    /** Control characters sit inside the values: CsvSource trims them at the ends. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "plain UserRule_AllowSsh | plain UserRule_AllowSsh",
        "x\u001b[31mred | x\\x1b[31mred",
        "csi\u009b2J | csi\\x9b2J",
        "bell\u0007x | bell\\x07x",
        "del\u007fx | del\\x7fx",
        "nul\u0000x | nul\\x00x",
        "tab\there | tab\\there",
        "evil\u202egnp.exe | evil\\u202egnp.exe",
        "a\u2028b\u2029c | a\\u2028b\\u2029c",
        "iso\u2066x\u2069 lrm\u200e alm\u061c | iso\\u2066x\\u2069 lrm\\u200e alm\\u061c",
        "Übergang 東京 | Übergang 東京"
    })
    void controlCharactersBecomeVisibleEscapes(String raw, String shown) {
        assertThat(TerminalText.escape(raw)).isEqualTo(shown);
    }

    @Test
    void newlinesCannotSplitACell() {
        assertThat(TerminalText.escape("a\r\nb")).isEqualTo("a\\r\\nb");
    }

    @Test
    void tableOutputShowsEscapesInsteadOfRunningThem() throws IOException {
        Cli.Result r = Cli.run(new byte[0], "flows", "--fields", "rule,srcIp,dstPort", ANSI.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.outLines()).hasSize(3); // header and two rows: the newline in the name did not add one
        assertThat(r.out()).contains("UserRule_\\x1b[2J\\x1b]0;pwned\\x07evil\\nline");
        assertThat(r.out().chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f)).isEmpty();
    }

    @Test
    void jsonOutputKeepsTheNameAsValidEscapedJson() throws IOException {
        Cli.Result r = Cli.run(new byte[0], "flows", "-f", "ndjson", "--fields", "rule", ANSI.toString());
        assertThat(r.outLines()).hasSize(2);
        for (String line : r.outLines()) {
            assertThat(line.chars().filter(c -> c < 0x20)).isEmpty();
            try (JsonParser p = new JsonFactory().createParser(line)) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                assertThat(p.nextFieldName()).isEqualTo("rule");
                assertThat(p.nextTextValue()).isEqualTo(RULE);
            }
        }
    }

    @Test
    void stderrLinesEscapeWhatTheyQuote(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("evil\u001b[31m.json"),
                "{\"records\":[{\"category\":\"Evil\\u001b]0;title\\u0007\",\"properties\":{}}]}");
        Cli.Result r = Cli.run(new byte[0], "flows", file.toString());
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("evil\\x1b[31m.json").contains("category 'Evil\\x1b]0;title\\x07'");
        assertThat(r.err().chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    }
}
