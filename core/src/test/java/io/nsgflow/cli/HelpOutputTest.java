package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 18 #15: help and version text that cannot be written is a write failure, exit 4, like any other output. */
class HelpOutputTest {
    /** What {@code /dev/full} or a closed pipe does to a writer. */
    private static Writer failing(String why) {
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException(why);
            }

            @Override
            public void flush() throws IOException {
                throw new IOException(why);
            }

            @Override
            public void close() {
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "flows --help", "--version"})
    void helpToAFullDiskExitsFour(String args) {
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(failing("No space left on device"), err, InputStream.nullInputStream(), false), args.split(" "));
        assertThat(exit).isEqualTo(ExitCode.OUTPUT_FAILED);
        assertThat(err.toString()).isEqualTo("nsgflow: cannot write output: No space left on device" + System.lineSeparator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "flows --help"})
    void helpToAClosedPipeEndsQuietly(String args) {
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(failing("Broken pipe"), err, InputStream.nullInputStream(), false), args.split(" "));
        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).isEmpty();
    }
}
