package io.nsgflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import io.nsgflow.cli.ExitCode;
import io.nsgflow.cli.Terminal;
import java.io.InputStream;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad options of the reporting commands are usage errors before any input is read. */
class CommandOptionsTest {
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
}
