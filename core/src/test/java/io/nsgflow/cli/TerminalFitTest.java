package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command's table fits 80- and 120-column terminals; the width a table is given is the terminal's, clamped. */
class TerminalFitTest {
    static Stream<Arguments> commands() {
        return Stream.of(80, 120).flatMap(width -> Stream.of(
                List.of("flows", "samples/"), List.of("summary", "samples/"), List.of("top", "--by", "pair", "samples/"),
                List.of("rules", "samples/"), List.of("timeline", "--every", "15m", "samples/"),
                List.of("conversations", "samples/")).map(args -> Arguments.of(width, args)));
    }

    @ParameterizedTest(name = "{1} at {0} columns")
    @MethodSource("commands")
    void everyLineFitsTheTerminal(int width, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), true, () -> width, false, false),
                args.toArray(new String[0]));
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines()).isNotEmpty()
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(width));
    }

    @ParameterizedTest(name = "{1} at {0} columns")
    @MethodSource("commands")
    void machineFormatsIgnoreTheWidth(int width, List<String> args) {
        String[] ndjson = Stream.concat(args.stream(), Stream.of("-f", "ndjson")).toArray(String[]::new);
        StringWriter narrow = new StringWriter();
        StringWriter unlimited = new StringWriter();
        Main.run(new Terminal(narrow, new StringWriter(), new ByteArrayInputStream(new byte[0]), true, () -> width, false, false), ndjson);
        Main.run(new Terminal(unlimited, new StringWriter(), new ByteArrayInputStream(new byte[0]), false), ndjson);
        assertThat(narrow.toString()).isEqualTo(unlimited.toString()).doesNotContain("…");
    }

    @org.junit.jupiter.api.Test
    void aWidthFromTheEnvironmentIsTakenWhenSaneAndClamped() {
        assertThat(Tty.width("100", false)).isEqualTo(100);
        assertThat(Tty.width("2147483647", false)).isEqualTo(io.nsgflow.format.WriterOptions.MAX_WIDTH);
        assertThat(Tty.width("99999999999999999999", false)).isZero();
        assertThat(Tty.width("-5", false)).isZero();
        assertThat(Tty.width("wide", false)).isZero();
        assertThat(Tty.width(null, false)).isZero(); // a pipe or a file: no limit
    }
}
