package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's examples print what the README shows: each fenced block whose first line is
 * {@code $ bin/nsgflow ARGS} runs the CLI in-process (output to a pipe: no width limit) and its
 * stdout must equal the block's other lines. {@code | head -N} keeps the first N lines; a last
 * line {@code ...} means the output goes on after the lines shown. Arguments are split on spaces.
 */
class ReadmeExamplesTest {
    private static final String PROMPT = "$ bin/nsgflow ";

    record Example(String command, List<String> expected, boolean goesOn) {
    }

    static List<Example> examples(List<String> readme) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (!readme.get(i).startsWith(PROMPT) || !readme.get(i - 1).equals("```")) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            int j = i + 1;
            while (!readme.get(j).equals("```")) {
                expected.add(readme.get(j++));
            }
            boolean goesOn = !expected.isEmpty() && expected.get(expected.size() - 1).equals("...");
            if (goesOn) {
                expected.remove(expected.size() - 1);
            }
            examples.add(new Example(readme.get(i).substring(PROMPT.length()), expected, goesOn));
        }
        return examples;
    }

    @TestFactory
    Stream<DynamicTest> everyExamplePrintsWhatTheReadmeShows() throws IOException {
        List<Example> examples = examples(Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.command(), () -> check(e)));
    }

    private static void check(Example e) {
        String command = e.command();
        int head = Integer.MAX_VALUE;
        int pipe = command.indexOf(" | head -");
        if (pipe >= 0) {
            head = Integer.parseInt(command.substring(pipe + " | head -".length()).trim());
            command = command.substring(0, pipe);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(new byte[0]), false), command.split(" "));
        assertThat(exit).as("exit of %s; stderr: %s", command, err).isZero();
        List<String> lines = out.toString().lines().limit(head).toList();
        if (e.goesOn()) {
            assertThat(lines.size()).as("lines of %s", command).isGreaterThan(e.expected().size());
            lines = lines.subList(0, e.expected().size());
        }
        assertThat(lines).as("output of %s", command).containsExactlyElementsOf(e.expected());
    }

    @org.junit.jupiter.api.Test
    void examplesAreFoundAsTheReadmeWritesThem() {
        List<String> readme = Arrays.asList("```", "$ bin/nsgflow top --by src x", "a", "...", "```", "text",
                "$ bin/nsgflow not in a block", "```", "$ bin/nsgflow flows y | head -2", "b", "c", "```");
        assertThat(examples(readme)).containsExactly(new Example("top --by src x", List.of("a"), true),
                new Example("flows y | head -2", List.of("b", "c"), false));
    }
}
