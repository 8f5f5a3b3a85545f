package io.nsgflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nsgflow.Main;
import java.io.InputStream;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A usage error is one line a user can act on, then one pointing at --help; exit 2, nothing on stdout. */
class UsageMessageTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "flow                       | unknown command 'flow' (did you mean 'flows'?)                        | nsgflow",
        "summry samples             | unknown command 'summry' (did you mean 'summary'?)                    | nsgflow",
        "xyzzy                      | unknown command 'xyzzy' (commands: flows, summary, top, rules, timeline, conversations, scans, follow, checkpoint, report, completion) | nsgflow",
        "flows --srcc 10.0.0.0/8    | unknown option '--srcc' (did you mean '--src'?)                       | nsgflow flows",
        "top --by src --metrc bytes | unknown option '--metrc' (did you mean '--metric'?)                   | nsgflow top",
        "flows - -                  | '-' (standard input) is named more than once; it can be read once     | nsgflow flows",
        "flows --fields time,srcIp,TIME samples | Invalid value for option '--fields' (LIST): 'time,srcIp,TIME' names 'TIME' twice | nsgflow flows",
    })
    void oneLineWithASuggestionThenOnePointingAtHelp(String args, String message, String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, InputStream.nullInputStream(), false), args.split(" "));
        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines().toList()).containsExactly("nsgflow: " + message,
                "Try '" + command + " --help' for usage.");
    }
}
