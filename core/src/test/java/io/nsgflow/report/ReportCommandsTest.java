package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import io.nsgflow.cli.ExitCode;
import io.nsgflow.cli.Terminal;
import java.io.InputStream;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reporting commands end to end: bad options fail before any input is read; notes go to stderr. */
class ReportCommandsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "top|unknown key 'port'|--by port",
        "top|--by|--metric bytes",
        "top|unknown metric 'octets'|--by src --metric octets",
        "top|not a row count|--by src --limit -1",
        "timeline|unknown bucket size '2m'|--every 2m",
        "timeline|unknown metric 'x'|--metric x"})
    void rejectedBeforeReading(String command, String message, String options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream stdin = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("stdin was read");
            }
        };
        String[] args = (command + " " + options + " -").split(" ");
        assertThat(Main.run(new Terminal(out, err, stdin, false), args)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains(message);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void conversationsSaysOnStderrHowManyVersion1TuplesItLeftOut() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String file = "samples/nsg-v2-PT1H.json";
        int exit = Main.run(new Terminal(out, err, InputStream.nullInputStream(), false), "conversations", "-f", "csv", file);
        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).isEqualTo("nsgflow: note: 8 version-1 tuples left out: version 1 has no flow state "
                + "to stitch into conversations (see them with 'flows' or 'top')" + System.lineSeparator());
        assertThat(out.toString().lines()).hasSizeGreaterThan(1);
    }
}
