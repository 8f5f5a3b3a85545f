package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Which commands' models are built for a command line: picocli builds each by reflection, most of start-up. */
class NsgflowCommandTest {
    private static CommandLine built(String... args) {
        StringWriter sink = new StringWriter();
        return new NsgflowCommand(new Terminal(sink, sink, InputStream.nullInputStream(), false)).commandLine(args);
    }

    @Test
    void aCommandBuildsOnlyItself() {
        assertThat(built("summary", "samples/").getSubcommands()).containsOnlyKeys("summary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void theVersionAloneBuildsNoCommand(String option) {
        assertThat(built(option).getSubcommands()).isEmpty();
    }

    @Test
    void helpCompletionErrorsAndTheManPagesBuildThemAll() {
        int all = built().getSubcommands().size();
        assertThat(all).isGreaterThan(10);
        assertThat(built("help").getSubcommands()).hasSize(all);
        assertThat(built("completion", "bash").getSubcommands()).hasSize(all);
        assertThat(built("flow").getSubcommands()).hasSize(all);
        assertThat(built("--version", "top").getSubcommands()).hasSize(all);
    }
}
