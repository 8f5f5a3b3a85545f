package io.nsgflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nsgflow.parse.Json;
import io.nsgflow.cli.ExitCode;
import io.nsgflow.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code --strict} stops at the first problem and keeps, well formed, what streamed before it. */
class StrictModeTest {
    /** One good tuple, then one whose destination port is out of range. */
    private static final String INPUT = "{\"records\":[{\"time\":\"2018-11-13T12:00:00Z\",\"category\":\"NetworkSecurityGroupFlowEvent\","
            + "\"properties\":{\"Version\":2,\"flows\":[{\"rule\":\"r\",\"flows\":[{\"mac\":\"000D3AF87856\",\"flowTuples\":["
            + "\"1542110377,13.67.143.118,10.0.0.4,44931,443,T,I,A,B,,,,\",\"1542110377,13.67.143.118,10.0.0.4,44931,65536,T,I,D,B,,,,\"]}]}]}}]}";

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new Terminal(out, err, new ByteArrayInputStream(INPUT.getBytes(StandardCharsets.UTF_8)), false), args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void aTableKeepsTheRowsHeldForSizingItsColumns() {
        Result r = run("flows", "--strict", "-");
        assertThat(r.exit()).isEqualTo(ExitCode.SKIPPED);
        assertThat(r.out()).contains("13.67.143.118").doesNotContain("65536");
        assertThat(r.err()).contains("'65536' is out of range").contains("stopped at the first problem (--strict)");
    }

    @Test
    void jsonStaysOneValidDocument() throws Exception {
        Result r = run("flows", "--strict", "-f", "json", "-");
        assertThat(r.exit()).isEqualTo(ExitCode.SKIPPED);
        int rows = 0;
        try (JsonParser p = Json.FACTORY.createParser(r.out())) { // throws on a document cut short
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT && p.getParsingContext().getParent().inArray()) {
                    rows++;
                }
            }
        }
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void anAggregateWritesNoPartialAnswer() {
        Result r = run("summary", "--strict", "-");
        assertThat(r.exit()).isEqualTo(ExitCode.SKIPPED);
        assertThat(r.out()).isEmpty();
    }
}
